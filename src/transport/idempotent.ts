import type { HeaderRecord } from "../support/header-record.js";

/** Methods that may be sent again without changing the outcome. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/**
 * True when sending a request twice cannot duplicate its effect: an idempotent method, or a
 * non-empty `Idempotency-Key` header (the caller's word that the server de-duplicates on it).
 */
export function isIdempotent(method: string, headers: HeaderRecord): boolean {
  return IDEMPOTENT_METHODS.has(method) || Boolean(headers["idempotency-key"]);
}
