import type { ValidationIssue } from "../errors/index.js";

/**
 * The one shape of an optional setting's check: no issue when `value` is absent or `valid`,
 * else one for `field` whose message says what would be accepted.
 */
export function checkOptional(
  value: unknown,
  valid: (value: unknown) => boolean,
  field: string,
  message: string,
): ValidationIssue[] {
  return value === undefined || valid(value) ? [] : [{ field, message }];
}
