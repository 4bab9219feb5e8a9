import type { JsonBody } from "./json-body.js";

/**
 * A value a body field may be required to take: compared with `===`, so strings, numbers,
 * booleans and `null`.
 *
 * @example
 * const value: BodyValue = "web_call";
 */
export type BodyValue = string | number | boolean | null;

/**
 * Top-level body fields and the values each may take. A field listed must be present and equal
 * to one of its values; fields not listed pass unchecked.
 *
 * @example
 * const rules: BodyRules = { type: ["web_call"], agent_id: ["agent_123", "agent_456"] };
 */
export type BodyRules = Readonly<Record<string, readonly BodyValue[]>>;

/** The first field of `body` that `rules` refuse (absent, or not one of its values), if any. */
export function refusedField(rules: BodyRules, body: JsonBody): string | undefined {
  const value = body.present ? body.value : undefined;
  const fields =
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  return Object.keys(rules).find(
    (field) =>
      fields === undefined ||
      !Object.hasOwn(fields, field) ||
      !rules[field]!.includes(fields[field] as BodyValue),
  );
}
