import { AgniAPIError } from "./api-error.js";

/**
 * 400: the request was malformed.
 *
 * @example
 * if (err instanceof AgniBadRequestError) console.error("fix the request:", err.message);
 */
export class AgniBadRequestError extends AgniAPIError {
  static {
    this.prototype.name = "AgniBadRequestError";
  }
}
