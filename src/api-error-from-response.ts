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
import { isPlainObject } from "./json-value.js";
import type { Redact } from "./redact.js";

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

/**
 * Builds the typed error for an answer. `body` is the parsed JSON when the body was JSON,
 * else its text. `overrideMessage` replaces the body-derived message (for a 2xx the client
 * cannot use). Every string is passed through `redact`.
 */
export function apiErrorFromResponse(
  response: Response,
  body: unknown,
  redact: Redact,
  overrideMessage?: string,
): AgniAPIError {
  const { status, statusText } = response;
  const headers = redact(Object.fromEntries(response.headers));
  const json = isPlainObject(body) ? body : undefined;
  const code = typeof json?.["code"] === "string" ? json["code"] : undefined;
  const requestId = headers["x-request-id"] ?? headers["request-id"];
  const statusLine = `${status}${statusText ? ` ${statusText}` : ""}`;

  let message: string;
  if (overrideMessage !== undefined) message = overrideMessage;
  else if (typeof json?.["message"] === "string" && json["message"]) message = json["message"];
  else if (typeof body === "string" && body.trim()) message = `${statusLine}: ${snippetOf(body)}`;
  else if (body === undefined || body === "") message = `${statusLine} with an empty body`;
  else message = `${statusLine}: ${snippetOf(JSON.stringify(body))}`;

  const ErrorClass =
    status >= 500 ? AgniInternalServerError : (CLASS_BY_STATUS[status] ?? AgniAPIError);
  return new ErrorClass({
    status,
    message: redact(message),
    code: redact(code),
    body: redact(body ?? ""),
    headers,
    requestId,
  });
}
