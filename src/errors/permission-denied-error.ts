import { AgniAPIError } from "./api-error.js";

/**
 * 403: the key is valid but may not do this.
 *
 * @example
 * if (err instanceof AgniPermissionDeniedError) console.error("this key may not do that");
 */
export class AgniPermissionDeniedError extends AgniAPIError {
  static {
    this.prototype.name = "AgniPermissionDeniedError";
  }
}
