import { AgniError } from "./agni-error.js";

/**
 * No complete answer arrived within `timeoutMs`. The server may still have acted on the
 * request: for create-call, check the call's status before placing it again.
 */
export class AgniTimeoutError extends AgniError {
  static {
    this.prototype.name = "AgniTimeoutError";
  }

  /** The limit that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, target: string) {
    super(
      `No complete answer from ${target} within ${timeoutMs} ms; the server may still have ` +
        `processed the request. Raise \`timeoutMs\` if the API is slow.`,
    );
    this.timeoutMs = timeoutMs;
  }
}
