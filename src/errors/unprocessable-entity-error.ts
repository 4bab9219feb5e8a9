import { AgniAPIError } from "./api-error.js";

/**
 * 422: the body was well-formed but rejected by the server's validation.
 *
 * @example
 * if (err instanceof AgniUnprocessableEntityError) console.error("rejected:", err.body);
 */
export class AgniUnprocessableEntityError extends AgniAPIError {
  static {
    this.prototype.name = "AgniUnprocessableEntityError";
  }
}
