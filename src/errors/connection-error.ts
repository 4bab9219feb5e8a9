import { AgniError, type AgniErrorOptions } from "./agni-error.js";

/**
 * The request did not complete at the network level (refused, DNS failure, reset, TLS).
 * The underlying error is kept as `cause`. `safeToRetry` is `true` only when the connection
 * was never established, so the server cannot have seen the request.
 *
 * @example
 * catch (err) {
 *   if (err instanceof AgniConnectionError && err.safeToRetry) retryLater(); // never reached the server
 * }
 */
export class AgniConnectionError extends AgniError {
  static {
    this.prototype.name = "AgniConnectionError";
  }

  constructor(message: string, options: AgniErrorOptions & { cause: unknown }) {
    super(message, options);
  }
}
