import { AgniAPIError } from "./api-error.js";

/**
 * 409: the request conflicts with the current state.
 *
 * @example
 * if (err instanceof AgniConflictError) console.error("conflict:", err.message);
 */
export class AgniConflictError extends AgniAPIError {
  static {
    this.prototype.name = "AgniConflictError";
  }
}
