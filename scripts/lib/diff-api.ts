/**
 * Differences between two {@link ApiShape}s, each attributed to a rule of `rules.ts` (going
 * forward or as its mirror image), which gives its verdict.
 */
import type {
  ApiShape,
  Constraint,
  ContentShape,
  OperationShape,
  ParameterShape,
  PropertyShape,
  SchemaNode,
  SecurityScheme,
} from "./api-shape.js";
import { branchLabel, matchBranches } from "./branches.js";
import { looseName, pairRenames, renameStyle } from "./renames.js";
import { verdictOf, type RuleId, type Verdict } from "./rules.js";

/** One difference between two specs, as a client sees it. */
export interface Change {
  rule: RuleId;
  /** Whether this is the rule's mirror image (a field added rather than removed...). */
  mirror: boolean;
  verdict: Verdict;
  /** `METHOD /path` (the new path when an operation moved). */
  operation: string;
  /** `request body`, `query`, `path`, `header`, `cookie`, `response 200`; absent for the operation. */
  location?: string;
  /** The field's dotted path (`data[].agent_name`, `target|Phone.number`) or parameter name. */
  field?: string;
  /** What changed, for a person. */
  message: string;
  /** For a rename: the new path, and the naming style change (`snake_case → camelCase`). */
  renamedTo?: string;
  style?: string;
}

type Side = "request" | "response";

/** Where the diff is, and where changes go. */
interface Context {
  operation: string;
  location?: string;
  side: Side;
  out: Change[];
}

function emit(
  ctx: Context,
  rule: RuleId,
  mirror: boolean,
  field: string | undefined,
  message: string,
  extra: Pick<Change, "renamedTo" | "style"> = {},
): void {
  ctx.out.push({
    rule,
    mirror,
    verdict: verdictOf(rule, mirror),
    operation: ctx.operation,
    ...(ctx.location ? { location: ctx.location } : {}),
    ...(field ? { field } : {}),
    message,
    ...extra,
  });
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);
const showType = (types: string[]) => (types.length > 0 ? types.join(" | ") : "any");
const show = (value: unknown) => (value === undefined ? "none" : String(value));

/** Whether values of `narrow` types are all values of `wide` types (integer is a number). */
function covers(wide: string[], narrow: string[]): boolean {
  if (wide.length === 0) return true;
  if (narrow.length === 0) return false;
  return narrow.every((t) => wide.includes(t) || (t === "integer" && wide.includes("number")));
}

function diffNotes(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): void {
  const changed: string[] = [];
  if (a.description !== b.description) changed.push("description");
  if (a.title !== b.title) changed.push("title");
  for (const key of new Set([...Object.keys(a.notes), ...Object.keys(b.notes)])) {
    if (a.notes[key] === b.notes[key]) continue;
    changed.push(key === "format" ? `format ${show(a.notes[key])} → ${show(b.notes[key])}` : key);
  }
  if (changed.length > 0) emit(ctx, "documentation", false, path, `${changed.join(", ")} changed`);
}

/** A list that moved into (or out of) an object: `data: [...]` → `data: { sessions: [...] }`. */
function diffMovedList(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): boolean {
  const listIn = (node: SchemaNode) => node.properties.find((p) => p.node.items);
  const into = a.items && b.types.includes("object") ? listIn(b) : undefined;
  const outOf = b.items && a.types.includes("object") ? listIn(a) : undefined;
  const inner = into ?? outOf;
  if (!inner) return false;
  const oldList = into ? `${path}[]` : `${join(path, inner.name)}[]`;
  const newList = into ? `${join(path, inner.name)}[]` : `${path}[]`;
  emit(
    ctx,
    `${ctx.side}-type`,
    false,
    path,
    `${showType(a.types)} → ${showType(b.types)}: the list \`${oldList}\` moved to \`${newList}\``,
  );
  diffNode(ctx, newList, into ? a.items! : inner.node.items!, into ? inner.node.items! : b.items!);
  const others = into ? b : a;
  const sideOf = into ? "added" : "removed";
  for (const property of others.properties) {
    if (property !== inner) fieldAddedOrRemoved(ctx, join(path, property.name), property, sideOf);
  }
  return true;
}

/** Compares types; `false` when they are unrelated and the schemas are not compared deeper. */
function diffTypes(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): boolean {
  if (a.types.join() === b.types.join()) return true;
  if (diffMovedList(ctx, path, a, b)) return false;
  const widened = covers(b.types, a.types);
  const narrowed = covers(a.types, b.types);
  const mirror = ctx.side === "request" ? widened : narrowed;
  emit(ctx, `${ctx.side}-type`, mirror, path, `type ${showType(a.types)} → ${showType(b.types)}`);
  return widened || narrowed;
}

function diffEnum(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): void {
  const request = ctx.side === "request";
  if (!a.enum && !b.enum) return;
  if (a.enum && !b.enum) {
    emit(ctx, `${ctx.side}-enum`, request, path, `enum dropped: any ${showType(b.types)} now`);
    return;
  }
  if (!a.enum && b.enum) {
    emit(ctx, `${ctx.side}-enum`, !request, path, `now limited to ${b.enum.join(", ")}`);
    return;
  }
  const removed = a.enum!.filter((value) => !b.enum!.includes(value));
  const added = b.enum!.filter((value) => !a.enum!.includes(value));
  if (removed.length === 0 && added.length === 0) return;
  const list = (values: string[]) => values.map((v) => `\`${v}\``).join(", ");
  const parts = [
    ...(removed.length > 0 ? [`${list(removed)} removed`] : []),
    ...(added.length > 0 ? [`${list(added)} added`] : []),
  ];
  const mirror = request ? removed.length === 0 : added.length === 0;
  emit(ctx, `${ctx.side}-enum`, mirror, path, `enum values ${parts.join(", ")}`);
}

const UPPER_BOUNDS = new Set<string>([
  "maximum",
  "exclusiveMaximum",
  "maxLength",
  "maxItems",
  "maxProperties",
]);
const LOWER_BOUNDS = new Set<string>([
  "minimum",
  "exclusiveMinimum",
  "minLength",
  "minItems",
  "minProperties",
]);
const COUNTS = new Set<string>(["minLength", "minItems", "minProperties"]);

type Tightening = "tightened" | "loosened" | "changed" | "same";

/**
 * How loose a constraint's value is, as a number to compare (absent is the loosest); undefined
 * for values with no order (a pattern, a multipleOf).
 */
function looseness(key: Constraint, value: unknown): number | undefined {
  if (value === undefined || (value === 0 && COUNTS.has(key))) return Infinity;
  if (typeof value === "boolean") {
    // uniqueItems and 3.0's exclusiveMinimum/Maximum tighten when true; additionalProperties when false.
    return (key === "additionalProperties") === value ? Infinity : 0;
  }
  if (typeof value !== "number") return undefined;
  if (UPPER_BOUNDS.has(key)) return value;
  return LOWER_BOUNDS.has(key) ? -value : undefined;
}

/** How a constraint keyword's value went from `a` to `b`. */
function tightening(key: Constraint, a: unknown, b: unknown): Tightening {
  if (key === "multipleOf" && typeof a === "number" && typeof b === "number") {
    return b % a === 0 ? "tightened" : a % b === 0 ? "loosened" : "changed";
  }
  const [before, after] = [looseness(key, a), looseness(key, b)];
  if (before === undefined || after === undefined) {
    return after === Infinity ? "loosened" : before === Infinity ? "tightened" : "changed";
  }
  return after < before ? "tightened" : after > before ? "loosened" : "same";
}

function diffConstraints(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): void {
  for (const key of new Set([...Object.keys(a.constraints), ...Object.keys(b.constraints)])) {
    const constraint = key as Constraint;
    const [before, after] = [a.constraints[constraint], b.constraints[constraint]];
    if (before === after) continue;
    const how = tightening(constraint, before, after);
    if (how === "same") continue;
    const mirror = ctx.side === "request" ? how === "loosened" : how === "tightened";
    emit(
      ctx,
      `${ctx.side}-constraint`,
      mirror,
      path,
      `${key} ${show(before)} → ${show(after)} (${how})`,
    );
  }
}

/** Whether a property is part of this side: readOnly ones are never sent, writeOnly ones never returned. */
const present = (ctx: Context, node: SchemaNode) =>
  ctx.side === "request" ? !node.readOnly : !node.writeOnly;

function fieldAddedOrRemoved(
  ctx: Context,
  path: string,
  property: { required: boolean; node: SchemaNode },
  what: "added" | "removed",
  label = "",
): void {
  if (!present(ctx, property.node)) return;
  if (what === "removed") emit(ctx, `${ctx.side}-field`, false, path, `${label}removed`);
  else if (ctx.side === "request" && property.required) {
    emit(ctx, "request-required", false, path, `${label}added, required`);
  } else emit(ctx, `${ctx.side}-field`, true, path, `${label}added`);
}

/** Compares one field (property or parameter) present on both sides. */
function diffField(
  ctx: Context,
  path: string,
  a: { required: boolean; node: SchemaNode },
  b: { required: boolean; node: SchemaNode },
): void {
  const [was, is] = [present(ctx, a.node), present(ctx, b.node)];
  if (!was && !is) return;
  if (ctx.side === "request") {
    if (was && !is)
      return emit(ctx, "request-read-only", true, path, "now readOnly: no longer sent");
    if (!was) {
      return b.required
        ? emit(ctx, "request-read-only", false, path, "no longer readOnly: now required input")
        : emit(ctx, "request-field", true, path, "no longer readOnly: accepted as input");
    }
    if (a.required !== b.required) {
      emit(
        ctx,
        "request-required",
        !b.required,
        path,
        b.required ? "now required" : "now optional",
      );
    }
  } else {
    if (was && !is)
      return emit(ctx, "response-write-only", false, path, "now writeOnly: no longer returned");
    if (!was)
      return emit(ctx, "response-write-only", true, path, "no longer writeOnly: now returned");
    if (a.required !== b.required) {
      emit(
        ctx,
        "response-required",
        b.required,
        path,
        b.required ? "now always present" : "now optional",
      );
    }
  }
  diffNode(ctx, path, a.node, b.node);
}

/** Same type and the same (present) description: evidence, with position, of a rename. */
const sameShape = (a: SchemaNode, b: SchemaNode, descriptions: [string?, string?]) =>
  a.types.join() === b.types.join() &&
  a.nullable === b.nullable &&
  (a.enum ?? []).join() === (b.enum ?? []).join() &&
  descriptions[0] !== undefined &&
  descriptions[0] === descriptions[1];

/**
 * Compares two lists of named fields (properties of one object, or parameters in one place),
 * pairing renames first.
 */
function diffNamed<T extends { name: string; required: boolean; node: SchemaNode }>(
  ctx: Context,
  a: T[],
  b: T[],
  pathOf: (name: string) => string,
  describe: (field: T) => string | undefined,
  label = "",
): void {
  const before = new Map(a.map((field) => [field.name, field]));
  const after = new Map(b.map((field) => [field.name, field]));
  const renames = new Map(
    pairRenames([...before.keys()], [...after.keys()], (from, to) =>
      sameShape(before.get(from)!.node, after.get(to)!.node, [
        describe(before.get(from)!),
        describe(after.get(to)!),
      ]),
    ),
  );
  const renamedTo = new Set(renames.values());
  for (const old of a) {
    const next = after.get(old.name) ?? after.get(renames.get(old.name) ?? "");
    if (!next) {
      fieldAddedOrRemoved(ctx, pathOf(old.name), old, "removed", label);
      continue;
    }
    if (next.name !== old.name && (present(ctx, old.node) || present(ctx, next.node))) {
      emit(ctx, "rename", false, pathOf(old.name), `${label}renamed to \`${next.name}\``, {
        renamedTo: pathOf(next.name),
        style: renameStyle(old.name, next.name),
      });
    }
    diffField(ctx, pathOf(next.name), old, next);
  }
  for (const next of b) {
    if (!before.has(next.name) && !renamedTo.has(next.name)) {
      fieldAddedOrRemoved(ctx, pathOf(next.name), next, "added", label);
    }
  }
}

function diffBranches(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): void {
  const { pairs, removed, added } = matchBranches(a.branches ?? [a], b.branches ?? [b], [
    a.discriminator,
    b.discriminator,
  ]);
  const request = ctx.side === "request";
  for (const branch of removed) {
    emit(
      ctx,
      `${ctx.side}-branch`,
      !request,
      path,
      `oneOf/anyOf branch ${branchLabel(branch, a.discriminator)} removed`,
    );
  }
  for (const branch of added) {
    emit(
      ctx,
      `${ctx.side}-branch`,
      request,
      path,
      `oneOf/anyOf branch ${branchLabel(branch, b.discriminator)} added`,
    );
  }
  for (const [old, next] of pairs) {
    diffNode(ctx, `${path}|${branchLabel(next, b.discriminator)}`, old, next);
  }
}

/** Compares two versions of one schema at `path`. */
function diffNode(ctx: Context, path: string, a: SchemaNode, b: SchemaNode): void {
  if (a.recursive || b.recursive) return;
  diffNotes(ctx, path, a, b);
  if (a.nullable !== b.nullable) {
    const mirror = ctx.side === "request" ? b.nullable : !b.nullable;
    emit(
      ctx,
      `${ctx.side}-nullable`,
      mirror,
      path,
      b.nullable ? "now nullable" : "no longer nullable",
    );
  }
  if (a.branches || b.branches) return diffBranches(ctx, path, a, b);
  if (!diffTypes(ctx, path, a, b)) return;
  diffEnum(ctx, path, a, b);
  diffConstraints(ctx, path, a, b);
  diffNamed(
    ctx,
    a.properties,
    b.properties,
    (name) => join(path, name),
    (p: PropertyShape) => p.node.description,
  );
  if (a.items && b.items) diffNode(ctx, `${path}[]`, a.items, b.items);
  if (a.additional && b.additional) diffNode(ctx, `${path}.*`, a.additional, b.additional);
}

function diffContent(ctx: Context, a: ContentShape, b: ContentShape): void {
  if (a.description !== b.description)
    emit(ctx, "documentation", false, undefined, "description changed");
  for (const type of a.mediaTypes.filter((t) => !b.mediaTypes.includes(t))) {
    emit(ctx, "media-type", false, undefined, `media type ${type} removed`);
  }
  for (const type of b.mediaTypes.filter((t) => !a.mediaTypes.includes(t))) {
    emit(ctx, "media-type", true, undefined, `media type ${type} added`);
  }
  if (a.json && b.json) diffNode(ctx, "", a.json, b.json);
  const headers = { ...ctx, location: `${ctx.location} header` };
  diffNamed(
    headers,
    a.headers,
    b.headers,
    (name) => name,
    (h) => h.description,
  );
}

const describeScheme = ({ wire, scopes }: SecurityScheme) =>
  `\`${wire}${scopes.length > 0 ? ` [${scopes.join(" ")}]` : ""}\``;
const describeSecurity = (alternatives: SecurityScheme[][]) =>
  alternatives.length > 0
    ? alternatives
        .map((schemes) => (schemes.length > 0 ? schemes.map(describeScheme).join(" + ") : "none"))
        .join(" or ")
    : "none";

/**
 * A client that met one of the old alternatives still gets in if some new alternative asks for
 * nothing more than it sends (the same schemes on the wire, no scope it lacked).
 */
function diffSecurity(ctx: Context, a: SecurityScheme[][], b: SecurityScheme[][]): void {
  const [before, after] = [describeSecurity(a), describeSecurity(b)];
  if (before === after) return;
  const grants = (held: SecurityScheme[], asked: SecurityScheme) =>
    held.some((s) => s.wire === asked.wire && asked.scopes.every((x) => s.scopes.includes(x)));
  const stillMet = (old: SecurityScheme[]) =>
    b.length === 0 || b.some((alternative) => alternative.every((s) => grants(old, s)));
  const broken = a.length === 0 ? !stillMet([]) : !a.every(stillMet);
  emit(ctx, "security", !broken, undefined, `security ${before} → ${after}`);
}

function diffParameters(ctx: Context, a: ParameterShape[], b: ParameterShape[]): void {
  for (const place of new Set([...a, ...b].map((p) => p.in))) {
    const here = { ...ctx, location: place };
    diffNamed(
      here,
      a.filter((p) => p.in === place),
      b.filter((p) => p.in === place),
      (name) => name,
      (p) => p.description ?? p.node.description,
      "parameter ",
    );
  }
}

function diffOperation(
  out: Change[],
  operation: string,
  a: OperationShape,
  b: OperationShape,
): void {
  const ctx: Context = { operation, side: "request", out };
  const notes = new Set([...Object.keys(a.notes), ...Object.keys(b.notes)]);
  const changed = [...notes].filter((key) => a.notes[key] !== b.notes[key]);
  if (changed.length > 0)
    emit(ctx, "documentation", false, undefined, `${changed.join(", ")} changed`);
  diffSecurity(ctx, a.security, b.security);
  diffParameters(ctx, a.parameters, b.parameters);
  const body = { ...ctx, location: "request body" };
  if (a.body && b.body) {
    if (a.body.required !== b.body.required) {
      const required = b.body.required;
      emit(
        body,
        "request-required",
        !required,
        undefined,
        required ? "now required" : "now optional",
      );
    }
    diffContent(body, a.body, b.body);
  } else if (a.body) {
    emit(body, "request-field", false, undefined, "removed");
  } else if (b.body) {
    const required = b.body.required;
    emit(
      body,
      required ? "request-required" : "request-field",
      !required,
      undefined,
      required ? "added, required" : "added",
    );
  }
  for (const [status, before] of a.responses) {
    const response: Context = { operation, location: `response ${status}`, side: "response", out };
    const after = b.responses.get(status);
    if (after) diffContent(response, before, after);
    else emit(response, "success-status", false, undefined, `status ${status} removed`);
  }
  for (const status of b.responses.keys()) {
    if (!a.responses.has(status)) {
      emit(
        { ...ctx, location: `response ${status}` },
        "success-status",
        true,
        undefined,
        `status ${status} added`,
      );
    }
  }
}

/** A path without case, separators, trailing slash or parameter names. */
const loosePath = (path: string) => looseName(path.replace(/\/+$/, "").replace(/\{[^}]*\}/g, "{}"));

/** Every change from `before` to `after` that a client of the API would notice. */
export function diffApi(before: ApiShape, after: ApiShape): Change[] {
  const out: Change[] = [];
  const added = [...after.keys()].filter((key) => !before.has(key));
  for (const [key, old] of before) {
    const same = after.get(key);
    if (same) {
      diffOperation(out, key, old, same);
      continue;
    }
    const movedTo = added.find((candidate) => {
      const next = after.get(candidate)!;
      return next.method === old.method && loosePath(next.path) === loosePath(old.path);
    });
    if (movedTo) {
      added.splice(added.indexOf(movedTo), 1);
      const ctx: Context = { operation: movedTo, side: "request", out };
      emit(
        ctx,
        "operation-moved",
        false,
        undefined,
        `path changed: \`${old.path}\` → \`${after.get(movedTo)!.path}\``,
      );
      diffOperation(out, movedTo, old, after.get(movedTo)!);
    } else {
      emit(
        { operation: key, side: "request", out },
        "operation",
        false,
        undefined,
        "operation removed",
      );
    }
  }
  for (const key of added) {
    emit({ operation: key, side: "request", out }, "operation", true, undefined, "operation added");
  }
  return out;
}
