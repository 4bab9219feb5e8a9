import type { ValidationIssue } from "../errors/index.js";
import { findNonJsonValues, isPlainObject } from "./json-value.js";
import {
  OBJECT_REQUEST_FIELDS,
  REQUEST_FIELDS,
  type CallType,
  type RequestField,
} from "../spec/create-call.js";

/**
 * E.164: a "+", a non-zero digit, then 1 to 14 more digits.
 *
 * @example
 * E164_PATTERN.test("+14157774444"); // true
 * E164_PATTERN.test("(415) 777-4444"); // false
 */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

// Fields this code names: a spec that renames one fails the build here, saying what to change.
const TYPE = "type" satisfies RequestField<"type">;
const AGENT_ID = "agent_id" satisfies RequestField<"agent_id">;
const PHONE_FIELDS: readonly string[] = [
  "from_phone_number",
  "to_phone_number",
] satisfies RequestField<"from_phone_number" | "to_phone_number">[];

/** Hides secrets in a text an issue shows (the caller's redaction). */
type Show = (text: string) => string;

const describeValue = (value: unknown, show: Show): string => {
  if (typeof value === "string") {
    // Redacted before it is cut, so that no part of a key is left at the cut.
    const shown = show(value);
    return JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown);
  }
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
};

const toSnakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Built once, as every call is checked against them.
const OUTBOUND_FIELDS = new Set<string>(REQUEST_FIELDS.filter((f) => f !== TYPE));
const WEB_FIELDS = new Set([...OUTBOUND_FIELDS].filter((f) => !PHONE_FIELDS.includes(f)));

/** Fields the helper does not take: unknown ones, `type`, and phone numbers on a web call. */
function checkFieldNames(params: Record<string, unknown>, outbound: boolean): ValidationIssue[] {
  const allowed = outbound ? OUTBOUND_FIELDS : WEB_FIELDS;
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(params)) {
    if (allowed.has(key)) continue;
    let message = "unknown field; remove it";
    if (key === TYPE) message = "is set by the helper; remove it";
    else if (PHONE_FIELDS.includes(key)) message = "a web call has no phone numbers; remove it";
    else if (allowed.has(toSnakeCase(key)))
      message = `unknown field; did you mean ${toSnakeCase(key)}?`;
    issues.push({ field: key, message });
  }
  return issues;
}

/** `agent_id`, and for an outbound call both phone numbers in E.164. */
function checkRequiredValues(
  params: Record<string, unknown>,
  outbound: boolean,
  show: Show,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const agentId = params[AGENT_ID];
  if (typeof agentId !== "string" || agentId.trim() === "") {
    issues.push({
      field: AGENT_ID,
      message: `must be a non-empty string, got ${describeValue(agentId, show)}`,
    });
  }
  for (const field of outbound ? PHONE_FIELDS : []) {
    const number = params[field];
    if (typeof number !== "string" || !E164_PATTERN.test(number)) {
      issues.push({
        field,
        message: `must be an E.164 phone number such as +14157774444 ("+" and digits only), got ${describeValue(number, show)}`,
      });
    }
  }
  return issues;
}

/** The object fields (`metadata`, ...), when given: plain objects of JSON values. */
function checkObjectFields(params: Record<string, unknown>, show: Show): ValidationIssue[] {
  return OBJECT_REQUEST_FIELDS.flatMap((field) => {
    const value = params[field];
    if (value === undefined) return [];
    if (isPlainObject(value)) return findNonJsonValues(value, field);
    return [
      {
        field,
        message: `must be a plain object of JSON values, got ${describeValue(value, show)}`,
      },
    ];
  });
}

/**
 * Checks a call helper's parameters against what the API accepts and returns every problem
 * (empty when the input is good). `callType` decides whether phone numbers belong; `show`
 * hides secrets in the values an issue quotes.
 */
export function validateCallParams(
  callType: CallType,
  params: unknown,
  show: Show = (text) => text,
): ValidationIssue[] {
  if (!isPlainObject(params)) {
    return [
      {
        field: "params",
        message: `must be an object such as { agent_id }, got ${describeValue(params, show)}`,
      },
    ];
  }
  const outbound = callType === "outbound_call";
  return [
    ...checkFieldNames(params, outbound),
    ...checkRequiredValues(params, outbound, show),
    ...checkObjectFields(params, show),
  ];
}
