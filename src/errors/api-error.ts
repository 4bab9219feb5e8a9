import { retryAfterMs } from "../retry-timing.js";
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
  readonly status: number;
  /** The body's `code` (such as `INVALID_REQUEST`), when it has one. */
  readonly code: string | undefined;
  /** The parsed JSON body, or its text when it is not JSON (`""` when empty). */
  readonly body: unknown;
  /** Response headers, lower-cased names. */
  readonly headers: Record<string, string>;
  /** The server's request id (`x-request-id` or `request-id`), for support tickets. */
  readonly requestId: string | undefined;

  constructor(init: AgniAPIErrorInit) {
    super(init.message, { safeToRetry: init.safeToRetry, attempts: init.attempts });
    this.status = init.status;
    this.code = init.code;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = init.requestId;
  }
}

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

/**
 * 429: too many requests. `retryAfterMs` is the wait the server asked for, when it said.
 *
 * @example
 * if (err instanceof AgniRateLimitError) await sleep(err.retryAfterMs ?? 1_000);
 */
export class AgniRateLimitError extends AgniAPIError {
  static {
    this.prototype.name = "AgniRateLimitError";
  }

  /** The wait asked for by `retry-after-ms` or `retry-after`, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(init: AgniAPIErrorInit) {
    super(init);
    this.retryAfterMs = retryAfterMs((name) => init.headers[name]);
  }
}

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
