import { AgniAPIError } from "./api-error.js";

/**
 * 401: the API key is missing, invalid or revoked.
 *
 * @example
 * if (err instanceof AgniAuthenticationError) console.error("check AGNI_API_KEY");
 */
export class AgniAuthenticationError extends AgniAPIError {
  static {
    this.prototype.name = "AgniAuthenticationError";
  }
}
