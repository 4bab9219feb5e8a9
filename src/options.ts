import { AgniValidationError, type ValidationIssue } from "./errors/index.js";
import { isPlainObject } from "./json-value.js";

/** A fetch-compatible function; the global `fetch` and `createMockAgni()` both fit. */
export type FetchFunction = (input: Request) => Promise<Response>;

/** Options of {@link createAgniClient}; every one is optional. */
export interface AgniClientOptions {
  /**
   * The secret API key sent as `X-Api-Key`. Defaults to the `AGNI_API_KEY` environment variable
   * where `process.env` exists. `null` sends no key (for a proxy that adds it).
   */
  apiKey?: string | null;
  /** Origin of the API. Default `AGNI_BASE_URL` from the environment, else `https://api.ravan.ai`. */
  baseUrl?: string;
  /** The fetch used for every request (default `globalThis.fetch`). */
  fetch?: FetchFunction;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Limit for one whole request (connect, headers and body), in ms. Default 60 000. */
  timeoutMs?: number;
}

/** Per-request options, the helpers' second argument. */
export interface RequestOptions {
  /** Aborts the request; the helper then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this request. */
  timeoutMs?: number;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** Client options once defaults and the environment are applied. */
export interface ResolvedClientOptions {
  apiKey: string | null;
  baseUrl: string;
  fetch: FetchFunction;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** The API's origin when neither `baseUrl` nor `AGNI_BASE_URL` says otherwise. */
export const DEFAULT_BASE_URL = "https://api.ravan.ai";
/** Default limit for one request, in ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout's limit

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

/** Problems with a `headers` value (none when it is absent or good). */
export function checkHeaders(value: unknown, field: string): ValidationIssue[] {
  if (value === undefined) return [];
  if (isPlainObject(value) && Object.values(value).every((v) => typeof v === "string")) return [];
  return [{ field, message: "must be an object of header names to string values" }];
}

/** Problems with a helper's per-request options. */
export function checkRequestOptions(options: unknown): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ field: "options", message: "must be an object such as { timeoutMs: 10000 }" }];
  }
  const signal = options["signal"];
  const issues = [
    ...checkTimeout(options["timeoutMs"], "options.timeoutMs"),
    ...checkHeaders(options["headers"], "options.headers"),
  ];
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    issues.push({ field: "options.signal", message: "must be an AbortSignal" });
  }
  return issues;
}

/**
 * Applies defaults and the environment to client options, or throws one
 * {@link AgniValidationError} listing every problem.
 */
export function resolveClientOptions(options: AgniClientOptions = {}): ResolvedClientOptions {
  const issues: ValidationIssue[] = [];
  const apiKey = options.apiKey === undefined ? readEnv("AGNI_API_KEY") : options.apiKey;
  if (apiKey === undefined || apiKey === "") {
    issues.push({
      field: "apiKey",
      message:
        "no API key: pass `apiKey` to createAgniClient() or set the AGNI_API_KEY environment variable",
    });
  } else if (apiKey !== null && typeof apiKey !== "string") {
    issues.push({ field: "apiKey", message: "must be a string" });
  }

  const baseUrl = (options.baseUrl ?? readEnv("AGNI_BASE_URL") ?? DEFAULT_BASE_URL).replace(
    /\/+$/,
    "",
  );
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    issues.push({
      field: "baseUrl",
      message: `must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}`,
    });
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    issues.push({ field: "fetch", message: "must be a fetch-compatible function" });
  }
  issues.push(
    ...checkHeaders(options.headers, "headers"),
    ...checkTimeout(options.timeoutMs, "timeoutMs"),
  );
  if (issues.length > 0) throw new AgniValidationError("Invalid createAgniClient options", issues);

  return {
    apiKey: apiKey as string | null,
    baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    headers: options.headers ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
