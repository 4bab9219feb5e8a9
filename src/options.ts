import { AgniValidationError, type ValidationIssue } from "./errors/index.js";
import { createDispatch, type Dispatch } from "./dispatch.js";
import { isPlainObject } from "./json-value.js";
import { LOG_LEVELS, type Logger, type LogLevel } from "./logger.js";
import { isBrowser, pageLocation } from "./runtime.js";

/**
 * A fetch-compatible function; the global `fetch` and `createMockAgni()` both fit.
 *
 * @example
 * const logged: FetchFunction = (request) => (console.log(request.url), fetch(request));
 * createAgniClient({ fetch: logged });
 */
export type FetchFunction = (input: Request) => Promise<Response>;

/**
 * Options of {@link createAgniClient}; every one is optional.
 *
 * @example
 * createAgniClient({ apiKey: process.env.AGNI_API_KEY, timeoutMs: 30_000, maxRetries: 1 });
 */
export interface AgniClientOptions {
  /**
   * The secret API key sent as `X-Api-Key`. Defaults to the `AGNI_API_KEY` environment variable
   * where `process.env` exists. `null` sends no key (for a proxy that adds it); in a browser no
   * key is the default.
   */
  apiKey?: string | null;
  /**
   * Origin of the API. Default `AGNI_BASE_URL` from the environment, else
   * `https://api.ravan.ai`. In a browser it may be relative to the page (`/api/agni`).
   */
  baseUrl?: string;
  /** The fetch used for every request (default `globalThis.fetch`). */
  fetch?: FetchFunction;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Limit for each attempt of a request (connect, headers and body), in ms. Default 60 000. */
  timeoutMs?: number;
  /** How many times a failed request may be sent again, when that is safe. Default 2. */
  maxRetries?: number;
  /** Permits an `http://` `baseUrl` on a host other than loopback. Default false. */
  allowInsecureHttp?: boolean;
  /**
   * Permits an API key in a browser, where every visitor could read it. Default false: create
   * calls on your server and hand the browser the call's `access_token` and `url`.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Where log lines go (console-like). Default `console`. */
  logger?: Logger;
  /** How much to log: `"off"`, `"error"`, `"warn"` (default), `"info"` or `"debug"`. */
  logLevel?: LogLevel;
}

/**
 * Per-request options, the helpers' second argument.
 *
 * @example
 * await agni.calls.createOutboundCall(params, {
 *   signal: AbortSignal.timeout(10_000),
 *   idempotencyKey: crypto.randomUUID(),
 * });
 */
export interface RequestOptions {
  /** Aborts the request; the helper then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this request. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number;
  /**
   * Sent as `Idempotency-Key`, the same on every attempt. It opts the request into the
   * idempotent retry rules (retry on time-outs, resets, 408, 502, 503, 504): pass one only if
   * the server de-duplicates on it.
   */
  idempotencyKey?: string;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** Client options once defaults and the environment are applied. */
export interface ResolvedClientOptions {
  apiKey: string | null;
  baseUrl: string;
  /** How requests go out: the caller's `fetch`, or the runtime's. */
  dispatch: Dispatch;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger;
  logLevel: LogLevel;
  /** Risky settings in force, to be logged as warnings. */
  warnings: string[];
}

/**
 * The API's origin when neither `baseUrl` nor `AGNI_BASE_URL` says otherwise.
 *
 * @example
 * createAgniClient({ baseUrl: DEFAULT_BASE_URL }); // the same as leaving it out
 */
export const DEFAULT_BASE_URL = "https://api.ravan.ai";
/**
 * Default limit for one attempt, in ms.
 *
 * @example
 * createAgniClient({ timeoutMs: DEFAULT_TIMEOUT_MS * 2 });
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Default number of retries.
 *
 * @example
 * createAgniClient({ maxRetries: DEFAULT_MAX_RETRIES + 1 });
 */
export const DEFAULT_MAX_RETRIES = 2;
const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout's limit
const MAX_RETRIES_LIMIT = 10;
// Visible ASCII only: what an HTTP header value can carry without folding or mangling.
const HEADER_TOKEN = /^[\x21-\x7e]+$/;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

const BROWSER_KEY_MESSAGE =
  "an API key in a browser is readable by every visitor. Create calls on your server and hand " +
  "the page the call's access_token and url (it joins the LiveKit room with them), or point " +
  "baseUrl at a same-origin proxy that adds the key, with no apiKey here. If you understand " +
  "the risk (an internal tool, say), pass dangerouslyAllowBrowser: true";

const readEnv = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
  undefined;

/** Problems with a `timeoutMs` value (none when it is absent or good). */
export function checkTimeout(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= MAX_TIMEOUT_MS) {
    return [];
  }
  return [
    { field, message: `must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}` },
  ];
}

/** Problems with a `maxRetries` value (none when it is absent or good). */
export function checkMaxRetries(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_RETRIES_LIMIT) {
    return [];
  }
  return [{ field, message: `must be a whole number from 0 to ${MAX_RETRIES_LIMIT}` }];
}

// RFC 9110: a header name is a token; a value has no control characters but tab, and no
// characters above U+00FF (fetch refuses them as it sends).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Problems with a `headers` value (none when it is absent or good), one per bad header. */
export function checkHeaders(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) {
    return [{ field, message: "must be an object of header names to string values" }];
  }
  const issues: ValidationIssue[] = [];
  for (const [name, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) {
      issues.push({ field: `${field}.${name}`, message: "is not a valid header name" });
    } else if (typeof headerValue !== "string" || !HEADER_VALUE.test(headerValue)) {
      issues.push({
        field: `${field}.${name}`,
        message: "must be a string without line breaks, control or non-Latin-1 characters",
      });
    } else if (name.toLowerCase() === "idempotency-key" && headerValue.trim() === "") {
      issues.push({ field: `${field}.${name}`, message: "must not be empty" });
    }
  }
  return issues;
}

/** Problems with a helper's per-request options. */
export function checkRequestOptions(options: unknown): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ field: "options", message: "must be an object such as { timeoutMs: 10000 }" }];
  }
  const { signal, idempotencyKey } = options;
  const issues = [
    ...checkTimeout(options["timeoutMs"], "options.timeoutMs"),
    ...checkMaxRetries(options["maxRetries"], "options.maxRetries"),
    ...checkHeaders(options["headers"], "options.headers"),
  ];
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    issues.push({ field: "options.signal", message: "must be an AbortSignal" });
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== "string" ||
      idempotencyKey.length > 255 ||
      !HEADER_TOKEN.test(idempotencyKey))
  ) {
    issues.push({
      field: "options.idempotencyKey",
      message: "must be 1 to 255 visible ASCII characters, such as a UUID",
    });
  }
  return issues;
}

function checkApiKey(apiKey: unknown, inBrowser: boolean, allowBrowser: boolean) {
  if (apiKey === null) return [];
  if (apiKey === undefined || apiKey === "") {
    return [
      {
        field: "apiKey",
        message:
          "no API key: pass `apiKey` to createAgniClient() or set the AGNI_API_KEY environment variable",
      },
    ];
  }
  if (typeof apiKey !== "string") return [{ field: "apiKey", message: "must be a string" }];
  if (!HEADER_TOKEN.test(apiKey)) {
    const at = [...apiKey].findIndex((c) => !HEADER_TOKEN.test(c));
    return [
      {
        field: "apiKey",
        message:
          `contains a character an HTTP header cannot carry (a line break, space or non-ASCII ` +
          `character) at position ${at}; copy the key again without surrounding whitespace`,
      },
    ];
  }
  if (inBrowser && !allowBrowser) return [{ field: "apiKey", message: BROWSER_KEY_MESSAGE }];
  return [];
}

/**
 * Parses `baseUrl` (relative to `page` in a browser) into its canonical form, origin and path
 * without a trailing slash, as `fetch` will see it; or lists what is wrong with it.
 */
function resolveBaseUrl(
  raw: string,
  page: string | undefined,
  allowInsecureHttp: boolean,
): { baseUrl: string; issues: ValidationIssue[] } {
  let url: URL | undefined;
  try {
    url = new URL(raw, page);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    const message = `must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(raw)}`;
    return { baseUrl: raw, issues: [{ field: "baseUrl", message }] };
  }
  const baseUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (url.protocol === "http:" && !LOOPBACK_HOST.test(url.hostname) && !allowInsecureHttp) {
    const message =
      `${url.origin} is plain http on a host other than loopback, so the API key would cross ` +
      `the network unencrypted; use https, or pass allowInsecureHttp: true`;
    return { baseUrl, issues: [{ field: "baseUrl", message }] };
  }
  return { baseUrl, issues: [] };
}

function checkLogging(logger: unknown, logLevel: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const methods = ["debug", "info", "warn", "error"] as const;
  if (
    logger !== undefined &&
    (logger === null ||
      typeof logger !== "object" ||
      !methods.every((m) => typeof (logger as Record<string, unknown>)[m] === "function"))
  ) {
    issues.push({ field: "logger", message: "must have debug, info, warn and error functions" });
  }
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel as LogLevel)) {
    issues.push({ field: "logLevel", message: `must be one of ${LOG_LEVELS.join(", ")}` });
  }
  return issues;
}

/**
 * Applies defaults and the environment to client options, or throws one
 * {@link AgniValidationError} listing every problem. `globals` is the global object the
 * runtime checks look at.
 */
export function resolveClientOptions(
  options: AgniClientOptions = {},
  globals: object = globalThis,
): ResolvedClientOptions {
  const inBrowser = isBrowser(globals);
  // A browser has no environment to read a key from: no key means a same-origin proxy.
  const apiKey =
    options.apiKey !== undefined ? options.apiKey : inBrowser ? null : readEnv("AGNI_API_KEY");
  const { baseUrl, issues: baseUrlIssues } = resolveBaseUrl(
    options.baseUrl ?? readEnv("AGNI_BASE_URL") ?? DEFAULT_BASE_URL,
    inBrowser ? pageLocation(globals) : undefined,
    options.allowInsecureHttp === true,
  );

  const issues = [
    ...checkApiKey(apiKey, inBrowser, options.dangerouslyAllowBrowser === true),
    ...baseUrlIssues,
    ...(options.fetch !== undefined && typeof options.fetch !== "function"
      ? [{ field: "fetch", message: "must be a fetch-compatible function" }]
      : []),
    ...checkHeaders(options.headers, "headers"),
    ...checkTimeout(options.timeoutMs, "timeoutMs"),
    ...checkMaxRetries(options.maxRetries, "maxRetries"),
    ...checkLogging(options.logger, options.logLevel),
  ];
  if (issues.length > 0) throw new AgniValidationError("Invalid createAgniClient options", issues);

  const warnings: string[] = [];
  if (inBrowser && typeof apiKey === "string") {
    warnings.push("dangerouslyAllowBrowser: the API key is readable by anyone using this page");
  }
  if (baseUrl.startsWith("http:") && !LOOPBACK_HOST.test(new URL(baseUrl).hostname)) {
    warnings.push(`allowInsecureHttp: requests to ${baseUrl} travel unencrypted`);
  }

  return {
    apiKey: apiKey as string | null,
    baseUrl,
    dispatch: createDispatch(options.fetch, globals),
    headers: options.headers ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger: options.logger ?? console,
    logLevel: options.logLevel ?? "warn",
    warnings,
  };
}
