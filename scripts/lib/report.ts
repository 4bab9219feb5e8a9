/**
 * The change report: totals first, systematic changes summarised once, then operations, the
 * breaking ones first; as markdown for a person (one screen) and as JSON for machines.
 */
import type { Change } from "./diff-api.js";
import type { Verdict } from "./rules.js";

/** A change made in the same way in many places, said once. */
export interface Systematic {
  verdict: Verdict;
  /** What happened (`fields renamed snake_case → camelCase`, `response \`success\`: removed`). */
  summary: string;
  /** How many changes it stands for. */
  count: number;
  operations: string[];
  /** `rename`: a naming style changed; `repeated`: one change in several operations. */
  kind: "rename" | "repeated";
}

/** What one operation's section says, each line one or more changes. */
export interface OperationReport {
  operation: string;
  breaking: number;
  notBreaking: number;
  info: number;
  lines: { verdict: Verdict; text: string }[];
  changes: Change[];
}

/** The whole report, the same for people and machines. */
export interface Report {
  from: string;
  to: string;
  totals: {
    breaking: number;
    notBreaking: number;
    info: number;
    /** Operations in the new spec. */
    operations: number;
    /** Operations with any change (added, removed and moved included). */
    touched: number;
    added: number;
    removed: number;
    moved: number;
  };
  systematic: Systematic[];
  /** Operations with something to say beyond the systematic changes, breaking ones first. */
  operations: OperationReport[];
  /** The systematic renames by operation and place: old path, new path. */
  renames: { operation: string; places: { location: string; pairs: [string, string][] }[] }[];
  changes: Change[];
}

/** A change repeated in this many operations is summarised once. */
const REPEATED_IN = 3;
/** A naming style change of this many fields is summarised once. */
const RENAMED_FIELDS = 3;

/** Items by key, keys in order of first appearance (Map.groupBy needs Node 21). */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

const RANK: Record<Verdict, number> = { breaking: 0, "not-breaking": 1, info: 2 };
const LABEL: Record<Verdict, string> = {
  breaking: "**BREAKING**",
  "not-breaking": "not breaking",
  info: "info",
};

const leafOf = (field: string) => field.replace(/^.*[.|]/, "");
const placeKind = (location: string | undefined) => location?.replace(/ \d.*$/, "");
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const code = (text: string) => `\`${text}\``;
const where = (location: string | undefined, fields: string[]) =>
  [location, fields.map(code).join(", ")].filter(Boolean).join(" ");

/** The same change in another operation has the same signature. */
const signature = (c: Change) =>
  [c.rule, c.mirror, placeKind(c.location), c.field && leafOf(c.field), c.message].join("|");

function count(changes: Change[], verdict: Verdict): number {
  return changes.filter((c) => c.verdict === verdict).length;
}

function listOperations(operations: string[], total: number): string {
  if (operations.length === total && total > REPEATED_IN) return `all ${total} operations`;
  const shown = operations.slice(0, 3).map(code).join(", ");
  return operations.length > 3 ? `${shown} and ${operations.length - 3} more` : shown;
}

/** Finds systematic changes: naming-style renames, and one change repeated across operations. */
function findSystematic(changes: Change[], total: number): Systematic[] {
  const found: Systematic[] = [];
  const byStyle = groupBy(
    changes.filter((c) => c.rule === "rename" && c.style && c.style !== "renamed"),
    (c) => c.style!,
  );
  for (const [style, renames] of byStyle) {
    if (renames.length < RENAMED_FIELDS) continue;
    found.push({
      verdict: "breaking",
      summary: `fields renamed ${style}`,
      count: renames.length,
      operations: [...new Set(renames.map((c) => c.operation))],
      kind: "rename",
    });
  }
  const bySignature = groupBy(
    changes.filter(
      (c) => c.verdict !== "info" && !(c.rule === "rename" && isSystematicRename(c, found)),
    ),
    signature,
  );
  for (const same of bySignature.values()) {
    const operations = [...new Set(same.map((c) => c.operation))];
    if (operations.length < REPEATED_IN) continue;
    const first = same[0]!;
    const field = first.field ? leafOf(first.field) : undefined;
    found.push({
      verdict: first.verdict,
      summary: `${where(placeKind(first.location), field ? [field] : [])}${field || first.location ? ": " : ""}${first.message}, in ${listOperations(operations, total)}`,
      count: same.length,
      operations,
      kind: "repeated",
    });
  }
  return found.sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || b.count - a.count);
}

const isSystematicRename = (c: Change, systematic: Systematic[]) =>
  systematic.some((s) => s.kind === "rename" && s.summary === `fields renamed ${c.style}`);

function isRepeated(c: Change, systematic: Systematic[], signatures: Set<string>): boolean {
  return (
    (c.rule === "rename" && isSystematicRename(c, systematic)) ||
    (c.verdict !== "info" && signatures.has(signature(c)))
  );
}

/** One operation's lines: its changes grouped by verdict, place and what happened. */
function linesOf(changes: Change[], systematic: Systematic[], repeated: Set<string>) {
  const lines: { verdict: Verdict; text: string }[] = [];
  const renamed = groupBy(
    changes.filter((c) => c.rule === "rename" && isSystematicRename(c, systematic)),
    (c) => c.style!,
  );
  for (const [style, renames] of renamed) {
    lines.push({
      verdict: "breaking",
      text: `${plural(renames.length, "field")} renamed ${style}`,
    });
  }
  const own = changes.filter((c) => c.verdict !== "info" && !isRepeated(c, systematic, repeated));
  const grouped = groupBy(own, (c) => `${c.verdict}|${c.location ?? ""}|${c.message}`);
  for (const same of grouped.values()) {
    const { verdict, location, message } = same[0]!;
    const fields = same.flatMap((c) => (c.field ? [c.field] : []));
    const place = where(location, fields);
    lines.push({ verdict, text: place ? `${place}: ${message}` : message });
  }
  const info = changes.filter((c) => c.verdict === "info").length;
  if (info > 0) {
    lines.push({ verdict: "info", text: `${plural(info, "documentation change")}` });
  }
  return lines.sort((a, b) => RANK[a.verdict] - RANK[b.verdict]);
}

/** Builds the report from the changes, for specs of `operations` operations (the new one). */
export function buildReport(
  changes: Change[],
  operations: number,
  from: string,
  to: string,
): Report {
  const systematic = findSystematic(changes, operations);
  const repeated = new Set(
    [...groupBy(changes, signature)]
      .filter(([, same]) => new Set(same.map((c) => c.operation)).size >= REPEATED_IN)
      .map(([key]) => key),
  );
  const byOperation = groupBy(changes, (c) => c.operation);
  const sections: OperationReport[] = [];
  for (const [operation, own] of byOperation) {
    const lines = linesOf(own, systematic, repeated);
    if (lines.length === 0) continue;
    sections.push({
      operation,
      breaking: count(own, "breaking"),
      notBreaking: count(own, "not-breaking"),
      info: count(own, "info"),
      lines,
      changes: own,
    });
  }
  sections.sort(
    (a, b) =>
      Math.min(...a.lines.map((l) => RANK[l.verdict])) -
        Math.min(...b.lines.map((l) => RANK[l.verdict])) || b.breaking - a.breaking,
  );
  const renames = groupBy(
    changes.filter((c) => c.rule === "rename" && isSystematicRename(c, systematic)),
    (c) => c.operation,
  );
  const countRule = (rule: Change["rule"], mirror: boolean) =>
    changes.filter((c) => c.rule === rule && c.mirror === mirror).length;
  return {
    from,
    to,
    totals: {
      breaking: count(changes, "breaking"),
      notBreaking: count(changes, "not-breaking"),
      info: count(changes, "info"),
      operations,
      touched: byOperation.size,
      added: countRule("operation", true),
      removed: countRule("operation", false),
      moved: countRule("operation-moved", false),
    },
    systematic,
    operations: sections,
    renames: [...renames].map(([operation, same]) => ({
      operation,
      places: [...groupBy(same, (c) => c.location ?? "")].map(([location, here]) => ({
        location,
        pairs: here.map((c): [string, string] => [c.field!, c.renamedTo!]),
      })),
    })),
    changes,
  };
}

const HEADINGS: Record<Verdict, string> = {
  breaking: "Breaking",
  "not-breaking": "Not breaking",
  info: "Informational only",
};

/** The report as markdown: what the pull request shows. */
export function renderMarkdown(report: Report): string {
  const { totals } = report;
  const lines = [`## API changes: ${code(report.from)} → ${code(report.to)}`, ""];
  if (report.changes.length === 0) {
    return `${[...lines, "No API changes."].join("\n")}\n`;
  }
  const moves = [
    totals.added && `${totals.added} added`,
    totals.removed && `${totals.removed} removed`,
    totals.moved && `${totals.moved} moved`,
  ].filter(Boolean);
  lines.push(
    `**${totals.breaking} breaking**, ${totals.notBreaking} not breaking, ${totals.info} informational; ` +
      `${totals.touched} of ${totals.operations} operations touched${moves.length > 0 ? ` (${moves.join(", ")})` : ""}.`,
  );
  if (report.systematic.length > 0) {
    lines.push("", "### Systematic changes");
    for (const s of report.systematic) {
      const tally =
        s.kind === "rename"
          ? `: ${plural(s.count, "field")} in ${plural(s.operations.length, "operation")} (listed at the end)`
          : "";
      lines.push(`- ${LABEL[s.verdict]} ${s.summary}${tally}`);
    }
  }
  let heading: Verdict | undefined;
  for (const section of report.operations) {
    const worst = section.lines[0]!.verdict;
    if (worst !== heading) {
      lines.push("", `### ${HEADINGS[worst]}`);
      heading = worst;
    }
    lines.push(`#### ${code(section.operation)}`);
    for (const line of section.lines) lines.push(`- ${LABEL[line.verdict]} ${line.text}`);
  }
  if (report.renames.length > 0) {
    const pairs = report.renames.flatMap((r) => r.places.flatMap((place) => place.pairs));
    lines.push("", `<details><summary>${pairs.length} renamed fields and parameters</summary>`, "");
    for (const { operation, places } of report.renames) {
      const listed = places.map(
        ({ location, pairs }) =>
          `${location}: ${pairs.map(([from, to]) => `${code(from)} → ${code(leafOf(to))}`).join(", ")}`,
      );
      lines.push(`- ${code(operation)}: ${listed.join("; ")}`);
    }
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}
