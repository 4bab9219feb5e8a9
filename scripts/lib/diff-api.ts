import type { ApiShape, FieldShape } from "./api-shape.js";

/** One difference between two specs, as a client sees it. */
export interface Change {
  operation: string;
  /** Field path, when the change concerns one. */
  field?: string;
  description: string;
  breaking: boolean;
}

const normalise = (name: string) => name.toLowerCase().replace(/[_-]/g, "");
const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf(".")));
const leafOf = (path: string) => path.slice(path.lastIndexOf(".") + 1);

/**
 * Pairs removed and added fields that are one field renamed: same parent and the same name
 * but for case and separators (agent_id → agentId), or the only removal and the only addition
 * under one parent, of one type.
 */
function pairRenames(
  removed: string[],
  added: string[],
  before: Map<string, FieldShape>,
  after: Map<string, FieldShape>,
): [string, string][] {
  const pairs: [string, string][] = [];
  const taken = new Set<string>();
  for (const old of removed) {
    const match = added.find(
      (candidate) =>
        !taken.has(candidate) &&
        parentOf(candidate) === parentOf(old) &&
        normalise(leafOf(candidate)) === normalise(leafOf(old)),
    );
    if (match) {
      pairs.push([old, match]);
      taken.add(match);
    }
  }
  const paired = new Set(pairs.flat());
  const restRemoved = removed.filter((f) => !paired.has(f));
  const restAdded = added.filter((f) => !paired.has(f));
  for (const old of restRemoved) {
    const siblingsRemoved = restRemoved.filter((f) => parentOf(f) === parentOf(old));
    const siblingsAdded = restAdded.filter((f) => parentOf(f) === parentOf(old));
    if (
      siblingsRemoved.length === 1 &&
      siblingsAdded.length === 1 &&
      before.get(old)?.type === after.get(siblingsAdded[0]!)?.type
    ) {
      pairs.push([old, siblingsAdded[0]!]);
    }
  }
  return pairs;
}

/** Paths not under another path of the same list: a removed object's own fields go unsaid. */
function topmost(paths: string[]): string[] {
  const all = new Set(paths);
  return paths.filter((path) => {
    for (let i = path.length - 1; i > 0; i--) {
      const c = path[i];
      if ((c === "." || c === "[" || c === "|") && all.has(path.slice(0, i))) return false;
    }
    return true;
  });
}

function diffFields(
  operation: string,
  side: "request" | "response",
  before: Map<string, FieldShape>,
  after: Map<string, FieldShape>,
): Change[] {
  const changes: Change[] = [];
  const removedAll = [...before.keys()].filter((f) => !after.has(f));
  const addedAll = [...after.keys()].filter((f) => !before.has(f));
  const removed = topmost(removedAll);
  const added = topmost(addedAll);
  const renames = pairRenames(removed, added, before, after);
  const renamed = new Set(renames.flat());
  for (const [from, to] of renames) {
    changes.push({
      operation,
      field: from,
      description: `${side} field renamed: ${from} → ${to}`,
      breaking: true,
    });
  }
  for (const field of removed.filter((f) => !renamed.has(f))) {
    changes.push({
      operation,
      field,
      description: `${side} field removed: ${field}`,
      breaking: true,
    });
  }
  for (const field of added.filter((f) => !renamed.has(f))) {
    const required = side === "request" && after.get(field)!.required;
    changes.push({
      operation,
      field,
      description: `${side} field added: ${field}${required ? " (required)" : ""}`,
      breaking: required,
    });
  }
  for (const [field, old] of before) {
    const now = after.get(field);
    if (!now) continue;
    if (side === "request" && now.required && !old.required) {
      changes.push({
        operation,
        field,
        description: `request field now required: ${field}`,
        breaking: true,
      });
    }
    if (side === "response" && old.required && !now.required) {
      changes.push({
        operation,
        field,
        description: `response field now optional: ${field}`,
        breaking: true,
      });
    }
    if (now.type !== old.type) {
      changes.push({
        operation,
        field,
        description: `${side} field type changed: ${field} ${old.type} → ${now.type}`,
        breaking: true,
      });
    }
    if (side === "request" && now.enum && !old.enum) {
      changes.push({
        operation,
        field,
        description: `request field now limited to: ${now.enum.join(", ")} (${field})`,
        breaking: true,
      });
    }
    const gone = (old.enum ?? []).filter((v) => !(now.enum ?? []).includes(v));
    const fresh = now.enum ? now.enum.filter((v) => !(old.enum ?? []).includes(v)) : [];
    if (now.enum && gone.length > 0) {
      changes.push({
        operation,
        field,
        description: `${side} enum values removed from ${field}: ${gone.join(", ")}`,
        breaking: side === "request",
      });
    }
    if (old.enum && fresh.length > 0) {
      changes.push({
        operation,
        field,
        description: `${side} enum values added to ${field}: ${fresh.join(", ")}`,
        breaking: false,
      });
    }
  }
  return changes;
}

/** Every change from `before` to `after` that a client of the API would notice. */
export function diffApi(before: ApiShape, after: ApiShape): Change[] {
  const changes: Change[] = [];
  for (const operation of before.keys()) {
    if (!after.has(operation)) {
      changes.push({ operation, description: "operation removed", breaking: true });
    }
  }
  for (const [operation, shape] of after) {
    const old = before.get(operation);
    if (!old) {
      changes.push({ operation, description: "operation added", breaking: false });
      continue;
    }
    changes.push(
      ...diffFields(operation, "request", old.request, shape.request),
      ...diffFields(operation, "response", old.response, shape.response),
    );
  }
  return changes;
}

/** The change report as text (also valid markdown, for a pull request body). */
export function formatReport(changes: Change[], from: string, to: string): string {
  if (changes.length === 0) return `No API changes between ${from} and ${to}.\n`;
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = [
    `API changes from ${from} to ${to}: ${breaking} breaking, ${changes.length - breaking} not breaking.`,
    "",
    ...changes.map(
      (c) =>
        `- ${c.breaking ? "**BREAKING**" : "not breaking"}: \`${c.operation}\` ${c.description}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
