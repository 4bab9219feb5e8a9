import { AgniAPIError } from "./api-error.js";

/**
 * 404: no such resource (or path).
 *
 * @example
 * if (err instanceof AgniNotFoundError) console.error("no such agent?", err.message);
 */
export class AgniNotFoundError extends AgniAPIError {
  static {
    this.prototype.name = "AgniNotFoundError";
  }
}
