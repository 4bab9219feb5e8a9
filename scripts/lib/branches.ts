/**
 * Matching oneOf/anyOf branches by content, never by position: by `$ref` name, then `title`,
 * then discriminator value, then the exact set of properties, then (for objects) the largest
 * overlap of property names, at least half.
 */
import type { SchemaNode } from "./api-shape.js";
import { looseName } from "./renames.js";

type Discriminator = SchemaNode["discriminator"];

/** The discriminator value a branch answers to, from the mapping or a one-value enum. */
function discriminatorValue(branch: SchemaNode, discriminator: Discriminator): string | undefined {
  if (!discriminator) return undefined;
  const mapped = branch.ref ? discriminator.values[branch.ref] : undefined;
  if (mapped !== undefined) return mapped;
  const property = branch.properties.find((p) => p.name === discriminator.property);
  const values = property?.node.enum;
  return values?.length === 1 ? values[0] : undefined;
}

const propertySet = (branch: SchemaNode) =>
  branch.properties.length > 0
    ? `{${branch.properties
        .map((p) => p.name)
        .sort()
        .join(", ")}}`
    : undefined;

const typeLabel = (branch: SchemaNode) =>
  branch.types.length > 0 ? branch.types.join(" | ") : "any";

/** The keys a branch can be matched on, strongest first (absent where it has none). */
function keysOf(branch: SchemaNode, discriminator: Discriminator): (string | undefined)[] {
  return [
    branch.ref,
    branch.title,
    discriminatorValue(branch, discriminator),
    propertySet(branch),
    branch.properties.length === 0 ? typeLabel(branch) : undefined,
  ];
}

/** How a branch is named in the report. */
export function branchLabel(branch: SchemaNode, discriminator: Discriminator): string {
  const value = discriminator ? discriminatorValue(branch, discriminator) : undefined;
  return (
    branch.ref ??
    branch.title ??
    (value !== undefined ? `${discriminator!.property}=${value}` : undefined) ??
    propertySet(branch) ??
    typeLabel(branch)
  );
}

function overlap(a: SchemaNode, b: SchemaNode): number {
  const left = new Set(a.properties.map((p) => looseName(p.name)));
  const right = new Set(b.properties.map((p) => looseName(p.name)));
  const shared = [...left].filter((name) => right.has(name)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : shared / all;
}

/** Branches matched by content: pairs (old, new), and those only on one side. */
export interface BranchMatch {
  pairs: [SchemaNode, SchemaNode][];
  removed: SchemaNode[];
  added: SchemaNode[];
}

/** Matches the branches of two versions of one union. */
export function matchBranches(
  before: SchemaNode[],
  after: SchemaNode[],
  discriminators: [Discriminator, Discriminator],
): BranchMatch {
  const removed = [...before];
  const added = [...after];
  const pairs: [SchemaNode, SchemaNode][] = [];
  const take = (old: SchemaNode, next: SchemaNode) => {
    pairs.push([old, next]);
    removed.splice(removed.indexOf(old), 1);
    added.splice(added.indexOf(next), 1);
  };
  for (let key = 0; key < 5; key++) {
    for (const old of [...removed]) {
      const wanted = keysOf(old, discriminators[0])[key];
      if (wanted === undefined) continue;
      const next = added.find((candidate) => keysOf(candidate, discriminators[1])[key] === wanted);
      if (next) take(old, next);
    }
  }
  for (const old of [...removed]) {
    const scored = added.map((next) => [overlap(old, next), next] as const);
    const best = scored.sort((a, b) => b[0] - a[0])[0];
    if (best && best[0] >= 0.5) take(old, best[1]);
  }
  return { pairs, removed, added };
}
