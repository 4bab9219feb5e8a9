import { AgniAPIError } from "./api-error.js";

/**
 * 500 or above: the server (or a proxy in front of it) failed.
 *
 * @example
 * if (err instanceof AgniInternalServerError) console.error("server failed; the call may exist:", err.requestId);
 */
export class AgniInternalServerError extends AgniAPIError {
  static {
    this.prototype.name = "AgniInternalServerError";
  }
}
