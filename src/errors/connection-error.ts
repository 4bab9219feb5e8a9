import { AgniError } from "./agni-error.js";

/**
 * The request did not complete at the network level (refused, DNS failure, reset, TLS).
 * The underlying error is kept as `cause`.
 */
export class AgniConnectionError extends AgniError {
  static {
    this.prototype.name = "AgniConnectionError";
  }

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}
