import type { Logger, LogLevel } from "../support/logger.js";

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
   * idempotent retry rules (retry on time-outs, resets, 408, 429, 500, 502, 503, 504): pass one only if
   * the server de-duplicates on it.
   */
  idempotencyKey?: string;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
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
