import { statusMeansNoEffect } from "../support/no-effect.js";
import type { Redact } from "../support/redact.js";
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "../support/retry-after.js";
import { attemptsSuffix } from "./agni-error.js";
import { AgniAPIError } from "./api-error.js";
import { AgniAuthenticationError } from "./authentication-error.js";
import { AgniBadRequestError } from "./bad-request-error.js";
import { AgniConflictError } from "./conflict-error.js";
import { AgniInternalServerError } from "./internal-server-error.js";
import { AgniNotFoundError } from "./not-found-error.js";
import { AgniPermissionDeniedError } from "./permission-denied-error.js";
import { AgniRateLimitError } from "./rate-limit-error.js";
import { cutShort, snippetOf } from "./snippet.js";
import { isPlainObject } from "../validation/json-value.js";
import { AgniUnprocessableEntityError } from "./unprocessable-entity-error.js";

const CLASS_BY_STATUS: Record<number, typeof AgniAPIError> = {
  400: AgniBadRequestError,
  401: AgniAuthenticationError,
  403: AgniPermissionDeniedError,
  404: AgniNotFoundError,
  409: AgniConflictError,
  422: AgniUnprocessableEntityError,
  429: AgniRateLimitError,
};

/** An answer, as the transport read it, with what is known of the attempts behind it. */
export interface ReadAnswer {
  /** The answer's status line and headers. */
  response: Pick<Response, "status" | "statusText" | "headers">;
  /** The parsed JSON body, or its text when it is not JSON (`""` when empty). */
  body: unknown;
  /** How many times the request was sent. */
  attempts: number;
  /** Whether an attempt before the last may have taken effect (a time-out, a reset, a 5xx). */
  earlierAttemptMayHaveTakenEffect: boolean;
  /** Hides the secrets the request carried. */
  redact: Redact;
}

/** How a 2xx the client cannot use is reported (see {@link apiErrorFromAnswer}). */
export interface UnusableAnswer {
  message: string;
  /** Whether the request certainly did not take effect. */
  safeToRetry: boolean;
}

/** The message an error answer gets from its body (the body's own `message`, cut short). */
function messageOf(statusLine: string, body: unknown, own: unknown): string {
  if (typeof own === "string" && own.trim()) return cutShort(own);
  if (body === "") return `${statusLine} with an empty body`;
  return `${statusLine}: ${snippetOf(typeof body === "string" ? body : JSON.stringify(body))}`;
}

/**
 * Builds the typed error for an answer. `unusable` describes a 2xx the client cannot use;
 * without it the message comes from the body and `safeToRetry` holds for 4xx statuses only
 * (a 3xx or 5xx may come from a request that was processed), unless an earlier attempt may
 * have taken effect. Every string is redacted; the whole body stays in `body`.
 */
export function apiErrorFromAnswer(answer: ReadAnswer, unusable?: UnusableAnswer): AgniAPIError {
  const { redact, attempts } = answer;
  const { status, statusText } = answer.response;
  // Redact first: the message below cuts and re-serialises the body.
  const body = redact(answer.body);
  const headers = redact(Object.fromEntries(answer.response.headers));
  const fields: { code?: unknown; message?: unknown } = isPlainObject(body) ? body : {};
  const code = typeof fields.code === "string" ? fields.code : undefined;
  const statusLine = `${status}${statusText ? ` ${statusText}` : ""}`;

  let message = unusable ? redact(unusable.message) : messageOf(statusLine, body, fields.message);
  const wait = status === 429 ? retryAfterMs((name) => headers[name]) : undefined;
  if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) {
    message += ` (the server asks to wait ${Math.ceil(wait / 1000)} s, over the client's ${MAX_RETRY_AFTER_MS / 1000} s limit)`;
  }
  message += attemptsSuffix(attempts);

  const ErrorClass =
    status >= 500 ? AgniInternalServerError : (CLASS_BY_STATUS[status] ?? AgniAPIError);
  const certainlyNoEffect = unusable ? unusable.safeToRetry : statusMeansNoEffect(status);
  return new ErrorClass({
    status,
    message,
    code,
    body,
    headers,
    requestId: headers["x-request-id"] ?? headers["request-id"],
    safeToRetry: certainlyNoEffect && !answer.earlierAttemptMayHaveTakenEffect,
    attempts,
  });
}
