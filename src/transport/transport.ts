import type { Log } from "../support/logger.js";
import { createRedactor, type Redact } from "../support/redact.js";
import { retryAfterMs } from "../support/retry-after.js";
import { sleep } from "../support/sleep.js";
import { attemptOnce, type AttemptResult } from "./attempt.js";
import type { Dispatch } from "./dispatch.js";
import { errorForFailure } from "./failure.js";
import { isIdempotent } from "./idempotent.js";
import { mayHaveTakenEffect, retryVerdict, type AttemptOutcome } from "./retry-policy.js";
import type { Transport } from "./types.js";

/** What the transport needs of the client's resolved options. */
export interface TransportSettings {
  /** Sent as `X-Api-Key`; with `null`, a key the request itself carries is sent instead. */
  apiKey: string | null;
  baseUrl: string;
  dispatch: Dispatch;
  timeoutMs: number;
  maxRetries: number;
  /** Every key the client may send, hidden from all it shows. */
  secrets: readonly string[];
}

/** The retry rule's view of an attempt's end. */
function outcomeOf(result: AttemptResult<unknown>): AttemptOutcome {
  if (result.kind === "answer") {
    const { status, headers } = result.response;
    return { kind: "answer", status, retryAfterMs: retryAfterMs((name) => headers.get(name)) };
  }
  const { failure } = result;
  if (failure.kind === "network")
    return { kind: "network", neverConnected: failure.neverConnected };
  if (failure.kind === "redirect") return { kind: "redirect", status: failure.status };
  return { kind: "timeout" };
}

/**
 * Creates the transport: the single place where the client does network I/O. Each request
 * goes through {@link attemptOnce} (time limit, key for the API's origin only, same-origin
 * redirects) as often as {@link retryVerdict} allows, and ends in an {@link Exchange} or a typed
 * error whose `safeToRetry` is false once any attempt may have taken effect. Every log line and
 * error is redacted of the keys the request carried.
 */
export function createTransport(settings: TransportSettings, log: Log): Transport {
  const apiOrigin = new URL(settings.baseUrl).origin;
  const redactionFor = (requestKey: string | null | undefined): Redact =>
    createRedactor([...settings.secrets, requestKey]);

  return {
    redactionFor,
    async send(request, limits, read) {
      const { timeoutMs = settings.timeoutMs, maxRetries = settings.maxRetries } = limits;
      request.signal?.throwIfAborted();
      const { method, url, headers } = request;
      const requestKey = headers.get("x-api-key");
      const redact = redactionFor(requestKey);
      // With no client key, a key the caller set on the request (per tenant, say) is theirs.
      const plan = { request, dispatch: settings.dispatch, key: settings.apiKey ?? requestKey };
      const idempotent = isIdempotent(method, headers);
      const target = `${method} ${url.split("?")[0]}`;
      const path = target.startsWith(`${method} ${apiOrigin}/`)
        ? target.slice(method.length + 1 + apiOrigin.length)
        : target.slice(method.length + 1);
      let earlier = false;

      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        const result = await attemptOnce({ ...plan, apiOrigin, timeoutMs, read });
        const outcome = outcomeOf(result);
        const fields = { attempt, durationMs: Date.now() - started };
        const verdict = retryVerdict(outcome, { attempt, maxRetries, idempotent });
        if (result.kind === "answer") {
          const { status, statusText, headers: answerHeaders, url: answerUrl } = result.response;
          const requestId = answerHeaders.get("x-request-id") ?? answerHeaders.get("request-id");
          log.debug(redact, `${method} ${path} → ${status}`, { ...fields, requestId });
          if (!verdict.retry) {
            return {
              status,
              statusText,
              headers: answerHeaders,
              url: answerUrl || url,
              body: result.body,
              attempts: attempt,
              earlierAttemptMayHaveTakenEffect: earlier,
              redact,
            };
          }
          log.info(
            redact,
            `${method} ${path} got ${status}; retrying in ${Math.round(verdict.waitMs)} ms`,
            { attempt },
          );
        } else {
          const error = errorForFailure(result.failure, {
            method,
            target,
            apiOrigin,
            attempts: attempt,
            mayHaveTakenEffect: earlier || mayHaveTakenEffect(outcome),
            redact,
          });
          log.debug(redact, `${method} ${path} failed: ${error.message}`, fields);
          if (!verdict.retry) throw error;
          log.info(
            redact,
            `${method} ${path} failed (${error.name}); retrying in ${Math.round(verdict.waitMs)} ms`,
            { attempt },
          );
        }
        earlier ||= mayHaveTakenEffect(outcome);
        await sleep(verdict.waitMs, request.signal);
      }
    },
  };
}
