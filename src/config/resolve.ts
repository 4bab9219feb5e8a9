import { AgniValidationError } from "../errors/index.js";
import type { Logger, LogLevel } from "../support/logger.js";
import { checkApiKey, checkClientSettings } from "../validation/client-options.js";
import { headerIn } from "../validation/headers.js";
import { resolveBaseUrl } from "./base-url.js";
import { readEnv } from "./environment.js";
import {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type AgniClientOptions,
  type FetchFunction,
} from "./options.js";
import { isBrowser, pageLocation } from "./runtime.js";
import { API_KEY_HEADER } from "../spec/api-key.js";

/** Client options once defaults and the environment are applied: plain data. */
export interface ResolvedClientOptions {
  apiKey: string | null;
  baseUrl: string;
  /** The caller's `fetch`, if any. */
  fetch: FetchFunction | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger;
  logLevel: LogLevel;
  /** Every key the client may send: `apiKey` and an `X-Api-Key` among `headers` (or none). */
  secrets: (string | null | undefined)[];
  /** Risky settings in force, to be logged as warnings. */
  warnings: string[];
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
  const {
    baseUrl,
    issues: baseUrlIssues,
    warnings,
  } = resolveBaseUrl(
    options.baseUrl ?? readEnv("AGNI_BASE_URL") ?? DEFAULT_BASE_URL,
    inBrowser ? pageLocation(globals) : undefined,
    options.allowInsecureHttp === true,
  );
  const headerKey = headerIn(options.headers, API_KEY_HEADER);
  const issues = [
    ...checkApiKey(apiKey, inBrowser, options.dangerouslyAllowBrowser === true),
    ...baseUrlIssues,
    ...checkClientSettings(options),
  ];
  if (typeof options.apiKey === "string" && options.apiKey !== "" && headerKey !== undefined) {
    const field = `headers.${API_KEY_HEADER}`;
    issues.push({ field, message: "a key is set twice: keep either apiKey or this header" });
  }
  if (issues.length > 0) throw new AgniValidationError("Invalid createAgniClient options", issues);

  if (inBrowser && typeof apiKey === "string") {
    warnings.push("dangerouslyAllowBrowser: an API key in a browser is readable by every visitor");
  }
  const headers = options.headers ?? {};
  return {
    apiKey: apiKey as string | null,
    baseUrl,
    fetch: options.fetch,
    headers,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger: options.logger ?? console,
    logLevel: options.logLevel ?? "warn",
    secrets: [apiKey as string | null, headerKey],
    warnings,
  };
}
