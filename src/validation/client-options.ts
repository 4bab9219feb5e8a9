import type { ValidationIssue } from "../errors/index.js";
import { LOG_LEVELS, type LogLevel } from "../support/logger.js";
import { checkHeaders, HEADER_TOKEN } from "./headers.js";
import { checkOptional } from "./issue.js";
import { checkMaxRetries, checkTimeout } from "./request-options.js";

const BROWSER_KEY_MESSAGE =
  "an API key in a browser is readable by every visitor: create calls on your server and give " +
  "the page the call's access_token and url, or set baseUrl to a same-origin proxy that adds " +
  "the key and pass no apiKey; to accept the risk, pass dangerouslyAllowBrowser: true";

/** Problems with the API key in force (`null`: none sent, for a proxy that adds it). */
export function checkApiKey(
  apiKey: unknown,
  inBrowser: boolean,
  allowBrowser: boolean,
): ValidationIssue[] {
  if (apiKey === null) return [];
  let message = "";
  if (apiKey === undefined || apiKey === "") {
    message =
      "no API key: pass `apiKey` to createAgniClient() or set the AGNI_API_KEY environment variable";
  } else if (typeof apiKey !== "string") {
    message = "must be a string";
  } else if (!HEADER_TOKEN.test(apiKey)) {
    const at = [...apiKey].findIndex((c) => !HEADER_TOKEN.test(c));
    message = `has a line break, space or non-ASCII character at position ${at}; copy the key again without whitespace`;
  } else if (inBrowser && !allowBrowser) {
    message = BROWSER_KEY_MESSAGE;
  }
  return message ? [{ field: "apiKey", message }] : [];
}

const LOGGER_METHODS = ["debug", "info", "warn", "error"] as const;

/** The client options checked by their own rules: fetch, headers, time limit, retries, logging. */
export function checkClientSettings(options: {
  fetch?: unknown;
  headers?: unknown;
  timeoutMs?: unknown;
  maxRetries?: unknown;
  logger?: unknown;
  logLevel?: unknown;
}): ValidationIssue[] {
  return [
    ...checkOptional(
      options.fetch,
      (fetch) => typeof fetch === "function",
      "fetch",
      "must be a fetch-compatible function",
    ),
    ...checkHeaders(options.headers, "headers"),
    ...checkTimeout(options.timeoutMs, "timeoutMs"),
    ...checkMaxRetries(options.maxRetries, "maxRetries"),
    ...checkOptional(
      options.logger,
      (logger) =>
        logger !== null &&
        typeof logger === "object" &&
        LOGGER_METHODS.every((m) => typeof (logger as Record<string, unknown>)[m] === "function"),
      "logger",
      `must have ${LOGGER_METHODS.join(", ")} functions`,
    ),
    ...checkOptional(
      options.logLevel,
      (level) => LOG_LEVELS.includes(level as LogLevel),
      "logLevel",
      `must be one of ${LOG_LEVELS.join(", ")}`,
    ),
  ];
}
