import { AgniError } from "./agni-error.js";

/**
 * What the client read from an error answer.
 *
 * @example
 * new AgniAPIError({
 *   status: 400, message: "bad", code: undefined, body: "", headers: {}, requestId: undefined,
 *   safeToRetry: true, attempts: 1,
 * });
 */
export interface AgniAPIErrorInit {
  status: number;
  message: string;
  code: string | undefined;
  body: unknown;
  headers: Record<string, string>;
  requestId: string | undefined;
  /** Whether sending the request again cannot duplicate it (see {@link AgniError.safeToRetry}). */
  safeToRetry: boolean;
  /** How many times the request was sent. */
  attempts: number;
}

/**
 * The API answered with an error status (or with a 2xx that could not be used, such as
 * `success: false` or a body that is not JSON). Subclasses name the common statuses.
 *
 * @example
 * catch (err) {
 *   if (err instanceof AgniAPIError) console.error(err.status, err.code, err.requestId, err.message);
 * }
 */
export class AgniAPIError extends AgniError {
  static {
    this.prototype.name = "AgniAPIError";
  }

  /** HTTP status of the answer. */
  declare readonly status: number;
  /** The body's `code` (such as `INVALID_REQUEST`), when it has one. */
  declare readonly code: string | undefined;
  /** The parsed JSON body, or its text when it is not JSON (`""` when empty). */
  declare readonly body: unknown;
  /** Response headers, lower-cased names. */
  declare readonly headers: Record<string, string>;
  /** The server's request id (`x-request-id` or `request-id`), for support tickets. */
  declare readonly requestId: string | undefined;

  constructor(init: AgniAPIErrorInit) {
    super(init.message, { safeToRetry: init.safeToRetry, attempts: init.attempts });
    this.status = init.status;
    this.code = init.code;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = init.requestId;
  }
}
