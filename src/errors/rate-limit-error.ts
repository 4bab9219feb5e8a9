import { retryAfterMs } from "../support/retry-after.js";
import { AgniAPIError, type AgniAPIErrorInit } from "./api-error.js";

/**
 * 429: too many requests. `retryAfterMs` is the wait the server asked for, when it said.
 *
 * @example
 * if (err instanceof AgniRateLimitError) await sleep(err.retryAfterMs ?? 1_000);
 */
export class AgniRateLimitError extends AgniAPIError {
  static {
    this.prototype.name = "AgniRateLimitError";
  }

  /** The wait asked for by `retry-after-ms` or `retry-after`, in ms. */
  declare readonly retryAfterMs: number | undefined;

  constructor(init: AgniAPIErrorInit) {
    super(init);
    this.retryAfterMs = retryAfterMs((name) => init.headers[name]);
  }
}
