/** Request headers as a plain object with lower-case names: cheaper to build and send than `Headers`. */
export type HeaderRecord = Record<string, string>;

/**
 * Merges header sources into one {@link HeaderRecord}, names lower-cased; a later source wins
 * whatever the case of its names, as in openapi-fetch's `mergeHeaders` for string values.
 */
export function headerRecord(...sources: (Record<string, string> | undefined)[]): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    for (const name in source) merged[name.toLowerCase()] = source[name]!;
  }
  return merged;
}
