import { retryAfterMs } from "../support/retry-after.js";
import type { Dispatch } from "./dispatch.js";
import type { Failure } from "./failure.js";
import { neverConnected } from "./network-error.js";
import { redirectStep } from "./redirect.js";
import type { OutgoingRequest, ReadBody } from "./types.js";
import { API_KEY_HEADER } from "../spec/api-key.js";

/** Everything one attempt needs: plain data and the dispatch. */
export interface AttemptPlan<Body> {
  request: OutgoingRequest;
  dispatch: Dispatch;
  /** Sent as `X-Api-Key` to the API's origin only; `null` sends none. */
  key: string | null;
  apiOrigin: string;
  timeoutMs: number;
  read: ReadBody<Body>;
}

/** An answer, its body read, with the wait it asks for before another attempt. */
export interface Answer<Body> {
  kind: "answer";
  /** The URL that answered (after same-origin redirects). */
  url: string;
  status: number;
  retryAfterMs: number | undefined;
  response: Response;
  body: Body;
}

/** An attempt's end: an answer, or a failure. Each is an outcome the retry rule reads. */
export type AttemptResult<Body> = Answer<Body> | Failure;

/**
 * Sends one attempt: its own time limit over connect, headers and body; same-origin redirects
 * followed. Rejects only with the caller's abort reason.
 */
export async function attemptOnce<Body>(plan: AttemptPlan<Body>): Promise<AttemptResult<Body>> {
  const callerSignal = plan.request.signal;
  const controller = new AbortController();
  // What AbortSignal.timeout() gives a fetch, so that a custom fetch sees the usual reason.
  let timedOut: DOMException | undefined;
  const timer = setTimeout(() => {
    timedOut = new DOMException("The attempt timed out", "TimeoutError");
    controller.abort(timedOut);
  }, plan.timeoutMs);
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    // The caller may have aborted while the body was read or during a backoff.
    callerSignal?.throwIfAborted();
    return await rejectOnAbort(followRedirects(plan, controller.signal), controller.signal);
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    return timedOut !== undefined && controller.signal.reason === timedOut
      ? { kind: "timeout", timeoutMs: plan.timeoutMs }
      : { kind: "network", error, neverConnected: neverConnected(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", forwardAbort);
  }
}

async function followRedirects<Body>(
  plan: AttemptPlan<Body>,
  signal: AbortSignal,
): Promise<AttemptResult<Body>> {
  const { method, headers, body } = plan.request;
  const apiPrefix = `${plan.apiOrigin}/`;
  let url = plan.request.url;
  for (let hop = 0; ; hop++) {
    if (plan.key !== null && url.startsWith(apiPrefix)) headers.set(API_KEY_HEADER, plan.key);
    else headers.delete(API_KEY_HEADER);
    const response = await plan.dispatch(url, {
      method,
      headers,
      body,
      signal,
      redirect: "manual",
    });
    if (signal.aborted) {
      // A fetch that ignored the signal answered late: drop it, go no further.
      await response.body?.cancel().catch(() => undefined);
      throw signal.reason;
    }
    const step = redirectStep(response, url, method, plan.apiOrigin, hop);
    if (step === undefined) {
      const { status, headers } = response;
      const wait = retryAfterMs((name) => headers.get(name));
      const body = await plan.read(response);
      return { kind: "answer", url, status, retryAfterMs: wait, response, body };
    }
    await response.body?.cancel().catch(() => undefined);
    if ("refuse" in step) return { kind: "redirect", ...step.refuse };
    url = step.follow;
  }
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
