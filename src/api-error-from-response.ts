import {
  AgniAPIError,
  AgniAuthenticationError,
  AgniBadRequestError,
  AgniConflictError,
  AgniInternalServerError,
  AgniNotFoundError,
  AgniPermissionDeniedError,
  AgniRateLimitError,
  AgniUnprocessableEntityError,
} from "./errors/index.js";
import { attemptsSuffix } from "./errors/agni-error.js";
import { isPlainObject } from "./json-value.js";
import type { Redact } from "./redact.js";
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-timing.js";
import { exchangeOf } from "./transport.js";

const CLASS_BY_STATUS: Record<number, typeof AgniAPIError> = {
  400: AgniBadRequestError,
  401: AgniAuthenticationError,
  403: AgniPermissionDeniedError,
  404: AgniNotFoundError,
  409: AgniConflictError,
  422: AgniUnprocessableEntityError,
  429: AgniRateLimitError,
};

const SNIPPET_LENGTH = 200;

/** A short, single-line excerpt of a body that is not JSON (tags of an HTML page dropped). */
export function snippetOf(text: string): string {
  const flat = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

/** How a 2xx the client cannot use is reported (see {@link apiErrorFromResponse}). */
export interface UnusableAnswer {
  message: string;
  /** Whether the request certainly did not take effect. */
  safeToRetry: boolean;
}

/**
 * Builds the typed error for an answer. `body` is the parsed JSON when the body was JSON,
 * else its text. `unusable` describes a 2xx the client cannot use; without it the message
 * comes from the body and `safeToRetry` holds for statuses below 500 (unless an earlier
 * attempt may have taken effect). Every string is passed through `redact`.
 */
export function apiErrorFromResponse(
  response: Response,
  rawBody: unknown,
  redact: Redact,
  unusable?: UnusableAnswer,
): AgniAPIError {
  const { status, statusText } = response;
  // Redact first: the message below cuts and re-serialises the body.
  const body = redact(rawBody ?? "");
  const headers = redact(Object.fromEntries(response.headers));
  const json = isPlainObject(body) ? body : undefined;
  const code = typeof json?.["code"] === "string" ? json["code"] : undefined;
  const requestId = headers["x-request-id"] ?? headers["request-id"];
  const statusLine = `${status}${statusText ? ` ${statusText}` : ""}`;
  const { attempts, earlierAttemptMayHaveTakenEffect } = exchangeOf(response);

  let message: string;
  if (unusable !== undefined) message = redact(unusable.message);
  else if (typeof json?.["message"] === "string" && json["message"]) message = json["message"];
  else if (typeof body === "string" && body.trim()) message = `${statusLine}: ${snippetOf(body)}`;
  else if (body === "") message = `${statusLine} with an empty body`;
  else message = `${statusLine}: ${snippetOf(JSON.stringify(body))}`;
  const wait = status === 429 ? retryAfterMs((name) => headers[name]) : undefined;
  if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) {
    message += ` (the server asks to wait ${Math.ceil(wait / 1000)} s, longer than the ${MAX_RETRY_AFTER_MS / 1000} s the client waits)`;
  }
  message += attemptsSuffix(attempts);

  const ErrorClass =
    status >= 500 ? AgniInternalServerError : (CLASS_BY_STATUS[status] ?? AgniAPIError);
  return new ErrorClass({
    status,
    message,
    code,
    body,
    headers,
    requestId,
    safeToRetry: (unusable?.safeToRetry ?? status < 500) && !earlierAttemptMayHaveTakenEffect,
    attempts,
  });
}
