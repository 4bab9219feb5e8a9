import type { ValidationIssue } from "../errors/index.js";
import { checkHeaders, HEADER_TOKEN } from "./headers.js";
import { checkOptional } from "./issue.js";
import { isPlainObject } from "./json-value.js";

const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout's limit
const MAX_RETRIES_LIMIT = 10;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Problems with a `timeoutMs` value (none when it is absent or good). */
export const checkTimeout = (value: unknown, field: string): ValidationIssue[] =>
  checkOptional(
    value,
    (ms) => typeof ms === "number" && ms > 0 && ms <= MAX_TIMEOUT_MS,
    field,
    `must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}`,
  );

/** Problems with a `maxRetries` value (none when it is absent or good). */
export const checkMaxRetries = (value: unknown, field: string): ValidationIssue[] =>
  checkOptional(
    value,
    (n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_RETRIES_LIMIT,
    field,
    `must be a whole number from 0 to ${MAX_RETRIES_LIMIT}`,
  );

/** Problems with a helper's per-request options. */
export function checkRequestOptions(options: unknown): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ field: "options", message: "must be an object such as { timeoutMs: 10000 }" }];
  }
  return [
    ...checkTimeout(options["timeoutMs"], "options.timeoutMs"),
    ...checkMaxRetries(options["maxRetries"], "options.maxRetries"),
    ...checkHeaders(options["headers"], "options.headers"),
    ...checkOptional(
      options["signal"],
      (signal) => signal instanceof AbortSignal,
      "options.signal",
      "must be an AbortSignal",
    ),
    ...checkOptional(
      options["idempotencyKey"],
      (key) =>
        typeof key === "string" &&
        key.length <= MAX_IDEMPOTENCY_KEY_LENGTH &&
        HEADER_TOKEN.test(key),
      "options.idempotencyKey",
      `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, such as a UUID`,
    ),
  ];
}
