import type { ValidationIssue } from "../errors/index.js";
import { checkHeaders, HEADER_TOKEN } from "./headers.js";
import { isPlainObject } from "./json-value.js";

const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout's limit
const MAX_RETRIES_LIMIT = 10;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Problems with a `timeoutMs` value (none when it is absent or good). */
export function checkTimeout(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS) return [];
  return [
    { field, message: `must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}` },
  ];
}

/** Problems with a `maxRetries` value (none when it is absent or good). */
export function checkMaxRetries(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_RETRIES_LIMIT) {
    return [];
  }
  return [{ field, message: `must be a whole number from 0 to ${MAX_RETRIES_LIMIT}` }];
}

/** Problems with a helper's per-request options. */
export function checkRequestOptions(options: unknown): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ field: "options", message: "must be an object such as { timeoutMs: 10000 }" }];
  }
  const { signal, idempotencyKey } = options;
  const issues = [
    ...checkTimeout(options["timeoutMs"], "options.timeoutMs"),
    ...checkMaxRetries(options["maxRetries"], "options.maxRetries"),
    ...checkHeaders(options["headers"], "options.headers"),
  ];
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    issues.push({ field: "options.signal", message: "must be an AbortSignal" });
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== "string" ||
      idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH ||
      !HEADER_TOKEN.test(idempotencyKey))
  ) {
    issues.push({
      field: "options.idempotencyKey",
      message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, such as a UUID`,
    });
  }
  return issues;
}
