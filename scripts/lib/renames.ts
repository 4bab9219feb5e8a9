/**
 * Rename detection, only on strong evidence: the same name but for case and separators, or,
 * for one change among otherwise unchanged siblings, the same position and the same shape
 * (type and description, as the caller judges). Anything else stays a removal and an addition.
 */

/** A name without case and separators: `agent_id`, `agentId` and `Agent-ID` agree. */
export const looseName = (name: string) => name.toLowerCase().replace(/[_\-\s.]/g, "");

const STYLES: [string, RegExp][] = [
  ["snake_case", /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/],
  ["camelCase", /^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/],
  ["PascalCase", /^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/],
  ["kebab-case", /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/],
  ["UPPER_CASE", /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/],
];

/** The naming style of a name of more than one word, if it has a recognisable one. */
export const styleOf = (name: string): string | undefined =>
  STYLES.find(([, pattern]) => pattern.test(name))?.[0];

/**
 * How a rename changed the name's style (`snake_case → camelCase`), or `renamed` when it is
 * not a change of style alone.
 */
export function renameStyle(from: string, to: string): string {
  const before = styleOf(from);
  const after = styleOf(to);
  return looseName(from) === looseName(to) && before && after && before !== after
    ? `${before} → ${after}`
    : "renamed";
}

/**
 * Pairs names removed from `before` with names added in `after` (both lists in order) that are
 * one name renamed. `sameShape(old, new)` judges the positional case.
 */
export function pairRenames(
  before: readonly string[],
  after: readonly string[],
  sameShape: (from: string, to: string) => boolean,
): [string, string][] {
  const kept = new Set(after);
  const removed = before.filter((name) => !kept.has(name));
  const added = new Set(after.filter((name) => !before.includes(name)));
  const pairs: [string, string][] = [];
  for (const name of removed) {
    const match = [...added].find((candidate) => looseName(candidate) === looseName(name));
    if (match === undefined) continue;
    pairs.push([name, match]);
    added.delete(match);
  }
  const renamed = new Map(pairs);
  const mapped = before.map((name) => renamed.get(name) ?? name);
  const left = removed.filter((name) => !renamed.has(name));
  if (left.length === 1 && added.size === 1 && mapped.length === after.length) {
    const [from] = left as [string];
    const index = mapped.indexOf(from);
    const to = after[index]!;
    const othersUnchanged = mapped.every((name, i) => i === index || name === after[i]);
    if (added.has(to) && othersUnchanged && sameShape(from, to)) pairs.push([from, to]);
  }
  return pairs;
}
