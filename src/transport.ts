import { AgniConnectionError, AgniTimeoutError } from "./errors/index.js";
import type { ResolvedClientOptions } from "./options.js";

/** Per-request settings the transport honours. */
export interface SendOptions {
  timeoutMs?: number;
}

/** Sends one request: the single place where the client does network I/O. */
export type Send = (request: Request, options?: SendOptions) => Promise<Response>;

// Statuses whose responses must not carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Creates the transport beneath openapi-fetch. For each request it adds `X-Api-Key` (only for
 * the API's own origin), bounds the whole exchange, headers and body, by `timeoutMs`, follows
 * the caller's `signal`, and turns network failures into {@link AgniConnectionError}.
 * A timeout rejects with {@link AgniTimeoutError}; a caller's abort with the signal's reason.
 */
export function createTransport(options: ResolvedClientOptions): Send {
  const apiOrigin = `${new URL(options.baseUrl).origin}/`;
  const { apiKey, fetch } = options;

  return async function send(request, { timeoutMs = options.timeoutMs } = {}) {
    const callerSignal = request.signal;
    callerSignal.throwIfAborted();
    if (apiKey !== null && request.url.startsWith(apiOrigin))
      request.headers.set("X-Api-Key", apiKey);

    const target = `${request.method} ${request.url.split("?")[0]}`;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new AgniTimeoutError(timeoutMs, target)),
      timeoutMs,
    );
    const forwardAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", forwardAbort, { once: true });
    try {
      const exchange = fetch(new Request(request, { signal: controller.signal })).then(readWhole);
      return await rejectOnAbort(exchange, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new AgniConnectionError(`Could not complete ${target}: ${describe(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", forwardAbort);
    }
  };
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

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:9)": the error and its first cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}
