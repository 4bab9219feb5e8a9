import type { ValidationIssue } from "../index.js";

/**
 * Reads a flag's whole number from `min` to `max`; `undefined` when the flag is absent, or when
 * the value is bad (an issue is added then).
 *
 * @example
 * readWholeNumber("0", "--port", 0, 65_535, issues); // 0
 * readWholeNumber("-1", "--port", 0, 65_535, issues); // undefined, and an issue for --port
 */
export function readWholeNumber(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
  issues: ValidationIssue[],
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= min && value <= max) return value;
  issues.push({
    field: flag,
    message: `must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`,
  });
  return undefined;
}
