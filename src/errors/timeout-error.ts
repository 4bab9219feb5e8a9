import { AgniError, attemptsSuffix } from "./agni-error.js";

/**
 * No complete answer arrived within `timeoutMs`. The server may still have acted on the
 * request (`safeToRetry` is false): for create-call, check the call before placing it again.
 *
 * @example
 * catch (err) {
 *   if (err instanceof AgniTimeoutError) console.warn(`no answer in ${err.timeoutMs} ms; check the call`);
 * }
 */
export class AgniTimeoutError extends AgniError {
  static {
    this.prototype.name = "AgniTimeoutError";
  }

  /** The limit that expired, in milliseconds (per attempt). */
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number, target: string, attempts: number) {
    super(
      `No complete answer from ${target} within ${timeoutMs} ms${attemptsSuffix(attempts)}; ` +
        `the server may still have processed the request. Raise \`timeoutMs\` if the API is slow.`,
      { safeToRetry: false, attempts },
    );
    this.timeoutMs = timeoutMs;
  }
}
