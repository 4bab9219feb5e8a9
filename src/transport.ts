import { attemptsSuffix } from "./errors/agni-error.js";
import {
  AgniConnectionError,
  AgniRedirectError,
  AgniTimeoutError,
  type AgniError,
} from "./errors/index.js";
import { isIdempotent } from "./idempotent.js";
import { LightRequest, ReadResponse } from "./light-request.js";
import type { Log } from "./logger.js";
import { describeNetworkError, neverConnected } from "./network-error.js";
import type { ResolvedClientOptions } from "./options.js";
import type { Redact } from "./redact.js";
import { sleep } from "./sleep.js";
import { backoffMs, MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-timing.js";

/** Per-request settings the transport honours. */
export interface SendOptions {
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * Sends one request, retries included: the single place where the client does network I/O.
 * A {@link LightRequest} gets a {@link ReadResponse} back (cast as `Response`: the helpers'
 * openapi-fetch client only reads its status, headers and text); a `Request` gets a `Response`.
 */
export type Send = (request: Request | LightRequest, options?: SendOptions) => Promise<Response>;

/** What the transport knows of the attempts behind a response it returned. */
export interface ExchangeRecord {
  /** How many times the request was sent. */
  attempts: number;
  /** Whether an attempt before the last may have taken effect (a time-out, a reset, a 5xx). */
  earlierAttemptMayHaveTakenEffect: boolean;
}

/** Statuses worth another attempt for an idempotent request; 429 alone for any other. */
const RETRY_STATUSES_IDEMPOTENT = new Set([408, 429, 502, 503, 504]);
const RETRY_STATUSES_ANY = new Set([429]);
// Statuses whose responses must not carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

const exchanges = new WeakMap<Response, ExchangeRecord>();

/** The attempts behind a response the transport returned (one, if it did not return it). */
export function exchangeOf(response: Response): ExchangeRecord {
  return exchanges.get(response) ?? { attempts: 1, earlierAttemptMayHaveTakenEffect: false };
}

/**
 * Creates the transport beneath openapi-fetch. For each request it:
 * - adds `X-Api-Key` only for the API's own origin, and follows only same-origin redirects
 *   that keep the method, so the key never reaches another host;
 * - bounds each attempt, connect, headers and body, by `timeoutMs`, and follows the caller's
 *   `signal` (an abort rejects with its reason);
 * - retries by the rule that a request the server may have processed is never sent again
 *   unless that is safe: idempotent requests (by method, or carrying `Idempotency-Key`) on
 *   connection errors, time-outs, 408, 429, 502, 503 and 504; any other only on 429 or a
 *   connection that was never established;
 * - turns network failures into {@link AgniConnectionError} and time-outs into
 *   {@link AgniTimeoutError}, with `safeToRetry` false once any attempt may have taken effect.
 */
export function createTransport(options: ResolvedClientOptions, log: Log, redact: Redact): Send {
  const apiOrigin = new URL(options.baseUrl).origin;
  const apiPrefix = `${apiOrigin}/`;
  const { apiKey, dispatch } = options;

  return async function send(request, overrides = {}) {
    const { timeoutMs = options.timeoutMs, maxRetries = options.maxRetries } = overrides;
    const callerSignal: AbortSignal | undefined = request.signal;
    callerSignal?.throwIfAborted();
    const { method } = request;
    const light = request instanceof LightRequest;
    const target = `${method} ${request.url.split("?")[0]}`;
    const path = request.url.startsWith(apiPrefix)
      ? target.slice(method.length + 1 + apiOrigin.length)
      : new URL(request.url).pathname;
    const idempotent = isIdempotent(method, request.headers);
    const retryStatuses = idempotent ? RETRY_STATUSES_IDEMPOTENT : RETRY_STATUSES_ANY;
    // Read once so that every attempt and redirect can send it again.
    const body = light
      ? (request as LightRequest).body
      : request.body === null
        ? null
        : await (request as Request).arrayBuffer();
    // A light request's headers are ours to change; a caller's Request's are copied once.
    const headers = light ? request.headers : new Headers(request.headers);
    // With no client key, a key the caller set on the request (per tenant, say) is theirs.
    const key = apiKey ?? headers.get("x-api-key");
    let mayHaveTakenEffect = false; // by an attempt before the current one

    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const retriesLeft = attempt <= maxRetries;
      let wait: number;
      try {
        const response = await attemptOnce(attempt);
        const requestId =
          response.headers.get("x-request-id") ?? response.headers.get("request-id");
        log.debug(`${method} ${path} → ${response.status}`, {
          attempt,
          durationMs: Date.now() - started,
          requestId,
        });
        const asked = retryAfterMs((name) => response.headers.get(name));
        const tooLong = asked !== undefined && asked > MAX_RETRY_AFTER_MS;
        if (!retryStatuses.has(response.status) || !retriesLeft || tooLong) {
          exchanges.set(response, {
            attempts: attempt,
            earlierAttemptMayHaveTakenEffect: mayHaveTakenEffect,
          });
          return response;
        }
        mayHaveTakenEffect ||= response.status >= 500;
        wait = asked ?? backoffMs(attempt);
        log.info(`${method} ${path} got ${response.status}; retrying in ${Math.round(wait)} ms`, {
          attempt,
        });
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        const failure = toAgniError(error, attempt);
        const retryable = idempotent
          ? !(failure instanceof AgniRedirectError)
          : neverConnected(error);
        log.debug(`${method} ${path} failed: ${failure.message}`, {
          attempt,
          durationMs: Date.now() - started,
        });
        if (!retryable || !retriesLeft) throw failure;
        mayHaveTakenEffect ||= !neverConnected(error);
        wait = backoffMs(attempt);
        log.info(`${method} ${path} failed (${failure.name}); retrying in ${Math.round(wait)} ms`, {
          attempt,
        });
      }
      await sleep(wait, callerSignal);
    }

    /** One attempt: its own time limit, same-origin redirects followed, body read whole. */
    async function attemptOnce(attempt: number): Promise<Response> {
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new AgniTimeoutError(timeoutMs, target, attempt)),
        timeoutMs,
      );
      const forwardAbort = () => controller.abort(callerSignal?.reason);
      callerSignal?.addEventListener("abort", forwardAbort, { once: true });
      try {
        // The caller may have aborted while the body was read or during a backoff.
        callerSignal?.throwIfAborted();
        return await rejectOnAbort(followRedirects(controller.signal, attempt), controller.signal);
      } catch (error) {
        throw controller.signal.aborted ? controller.signal.reason : error;
      } finally {
        clearTimeout(timer);
        callerSignal?.removeEventListener("abort", forwardAbort);
      }
    }

    async function followRedirects(signal: AbortSignal, attempt: number): Promise<Response> {
      let url = request.url;
      for (let hop = 0; ; hop++) {
        if (key !== null && url.startsWith(apiPrefix)) headers.set("X-Api-Key", key);
        else headers.delete("X-Api-Key");
        const response = await dispatch(url, { method, headers, body, signal, redirect: "manual" });
        if (signal.aborted) {
          // A fetch that ignored the signal answered late: drop it, go no further.
          await response.body?.cancel().catch(() => undefined);
          throw signal.reason;
        }
        const redirect = redirectTarget(response, url);
        if (redirect === undefined) return light ? readLight(response) : readWhole(response);
        await response.body?.cancel().catch(() => undefined);
        const keepsMethod =
          response.status === 307 ||
          response.status === 308 ||
          method === "GET" ||
          method === "HEAD";
        const shown = redirect === "hidden" ? "" : redact(redirect.href);
        const problem =
          redirect === "hidden"
            ? "to a location the browser does not reveal; not followed"
            : redirect.origin !== apiOrigin
              ? `to another origin, ${shown}; not followed, so the API key stays with ${apiOrigin}`
              : !keepsMethod
                ? `to ${shown} with a status that would turn ${method} into GET; not followed`
                : hop >= MAX_REDIRECTS
                  ? `more than ${MAX_REDIRECTS} times; stopped at ${shown}`
                  : undefined;
        if (problem === undefined && redirect !== "hidden") {
          url = redirect.href;
          continue;
        }
        const keptOut = response.status === 307 || response.status === 308;
        throw new AgniRedirectError(
          `${target} was redirected (${response.status}) ${problem}${attemptsSuffix(attempt)}`,
          response.status,
          shown,
          { safeToRetry: keptOut && !mayHaveTakenEffect, attempts: attempt },
        );
      }
    }

    function toAgniError(error: unknown, attempt: number): AgniError {
      if (error instanceof AgniTimeoutError || error instanceof AgniRedirectError) return error;
      const safeToRetry = neverConnected(error) && !mayHaveTakenEffect;
      return new AgniConnectionError(
        `Could not complete ${target}: ${describeNetworkError(error)}${attemptsSuffix(attempt)}` +
          (neverConnected(error) ? "" : "; the server may have received the request"),
        { cause: error, safeToRetry, attempts: attempt },
      );
    }
  };
}

/**
 * Where a redirect response points: a URL, `"hidden"` for a browser's opaque redirect, or
 * `undefined` when the response is not a redirect.
 */
function redirectTarget(response: Response, from: string): URL | "hidden" | undefined {
  if (response.type === "opaqueredirect") return "hidden";
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get("location");
  if (location === null) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return "hidden";
  }
}

/** Reads the text inside the time limit, for the helpers' client. */
async function readLight(response: Response): Promise<Response> {
  return new ReadResponse(response, await response.text()) as unknown as Response;
}

/** Reads the body inside the time limit and returns an equivalent, already-read response. */
async function readWhole(response: Response): Promise<Response> {
  if (response.status < 200 || response.status > 599) return response;
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function rejectOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // A custom fetch may ignore the signal; the race makes the limit hold regardless.
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
