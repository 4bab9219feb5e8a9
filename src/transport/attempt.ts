import { API_KEY_HEADER } from "../spec/api-key.js";
import { retryAfterMs } from "../support/retry-after.js";
import type { Dispatch } from "./dispatch.js";
import type { Failure } from "./failure.js";
import { neverConnected } from "./network-error.js";
import { redirectStep } from "./redirect.js";
import type { OutgoingRequest, ReadBody } from "./types.js";

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
  status: number;
  retryAfterMs: number | undefined;
  response: Response;
  body: Body;
}

/** An attempt's end: an answer, or a failure. Each is an outcome the retry rule reads. */
export type AttemptResult<Body> = Answer<Body> | Failure;

// Header records carry lower-case names.
const KEY_HEADER = API_KEY_HEADER.toLowerCase();

/**
 * Sends one attempt: its own time limit over connect, headers and body; same-origin redirects
 * followed. Rejects only with the caller's abort reason.
 */
export async function attemptOnce<Body>(plan: AttemptPlan<Body>): Promise<AttemptResult<Body>> {
  const callerSignal = plan.request.signal;
  // The caller may have aborted while the body was read or during a backoff.
  callerSignal?.throwIfAborted();
  const controller = new AbortController();
  let stop!: (reason: unknown) => void;
  // A custom fetch may ignore the signal: rejecting this as well makes the limit hold anyway.
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const end = (reason: unknown) => {
    controller.abort(reason);
    stop(reason);
  };
  // What AbortSignal.timeout() gives a fetch, so that a custom fetch sees the usual reason.
  let timedOut: DOMException | undefined;
  const timer = setTimeout(() => {
    timedOut = new DOMException("The attempt timed out", "TimeoutError");
    end(timedOut);
  }, plan.timeoutMs);
  const forwardAbort = () => end(callerSignal!.reason);
  callerSignal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    return await Promise.race([followRedirects(plan, controller.signal), stopped]);
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
  const { method, body } = plan.request;
  const { [KEY_HEADER]: _, ...keyless } = plan.request.headers;
  const keyed = plan.key === null ? keyless : { ...keyless, [KEY_HEADER]: plan.key };
  const apiPrefix = `${plan.apiOrigin}/`;
  let url = plan.request.url;
  for (let hop = 0; ; hop++) {
    const headers = url.startsWith(apiPrefix) ? keyed : keyless;
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
      // Only an error status can ask for a wait worth reading.
      const wait = response.ok ? undefined : retryAfterMs((name) => headers.get(name));
      const body = await plan.read(response);
      return { kind: "answer", status, retryAfterMs: wait, response, body };
    }
    await response.body?.cancel().catch(() => undefined);
    if ("refuse" in step) return { kind: "redirect", ...step.refuse };
    url = step.follow;
  }
}
