import { AgniError, type AgniErrorOptions } from "./agni-error.js";

/**
 * The API answered with a redirect the client would not follow: to another origin (the API
 * key must not go there), one that would turn the request into a GET, one without a `Location`
 * (or with one that is not a URL), more than 5 in a row, or one a browser hides. `location`
 * says where, when known.
 *
 * @example
 * catch (err) {
 *   if (err instanceof AgniRedirectError) console.error(`API moved to ${err.location}?`);
 * }
 */
export class AgniRedirectError extends AgniError {
  static {
    this.prototype.name = "AgniRedirectError";
  }

  /** The redirect's status (301, 302, 303, 307 or 308; 0 when a browser hid it). */
  declare readonly status: number;
  /** The `Location` it pointed to, resolved to an absolute URL (empty when unknown). */
  declare readonly location: string;

  constructor(message: string, status: number, location: string, options: AgniErrorOptions) {
    super(message, options);
    this.status = status;
    this.location = location;
  }
}
