import type { ValidationIssue } from "../errors/index.js";
import { isPlainObject } from "./json-value.js";

/** Visible ASCII only: what an HTTP header value can carry without folding or mangling. */
export const HEADER_TOKEN = /^[\x21-\x7e]+$/;
// RFC 9110: a header name is a token; a value has no control characters but tab, and no
// characters above U+00FF (fetch refuses them as it sends).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Problems with a `headers` value (none when it is absent or good), one per bad header. */
export function checkHeaders(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) {
    return [{ field, message: "must be an object of header names to string values" }];
  }
  const issues: ValidationIssue[] = [];
  for (const [name, headerValue] of Object.entries(value)) {
    let message = "";
    if (!HEADER_NAME.test(name)) message = "is not a valid header name";
    else if (typeof headerValue !== "string" || !HEADER_VALUE.test(headerValue)) {
      message = "must be a string without line breaks, control or non-Latin-1 characters";
    } else if (name.toLowerCase() === "idempotency-key" && headerValue.trim() === "") {
      message = "must be a non-empty string";
    }
    if (message) issues.push({ field: `${field}.${name}`, message });
  }
  return issues;
}

/** The value of header `name` (any case) in a record that may not be one; else undefined. */
export function headerIn(record: unknown, name: string): string | undefined {
  if (!isPlainObject(record)) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === wanted && typeof value === "string") return value;
  }
  return undefined;
}
