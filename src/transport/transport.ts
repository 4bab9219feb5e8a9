import type { Log } from "../support/logger.js";
import { createRedactor, type Redact } from "../support/redact.js";
import { retryAfterMs } from "../support/retry-after.js";
import { sleep } from "../support/sleep.js";
import { attemptOnce, type AttemptResult } from "./attempt.js";
import type { Dispatch } from "./dispatch.js";
import { errorForFailure } from "./failure.js";
import { isIdempotent } from "./idempotent.js";
import { mayHaveTakenEffect, retryVerdict, type AttemptOutcome } from "./retry-policy.js";
import type { Exchange, OutgoingRequest, Transport } from "./types.js";

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

/** One request's fixed facts, as the loop and its log lines use them. */
interface Sending {
  request: OutgoingRequest;
  /** `METHOD path` for log lines. */
  label: string;
  /** `METHOD url` without the query, for errors. */
  target: string;
  redact: Redact;
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
  const clientRedact = createRedactor(settings.secrets);
  const redactionFor = (requestKey: string | null | undefined): Redact =>
    !requestKey || settings.secrets.includes(requestKey)
      ? clientRedact
      : createRedactor([...settings.secrets, requestKey]);

  /** Logs an attempt's end; returns the exchange to give back, or the error it failed with. */
  function conclude<Body>(
    { request, label, target, redact }: Sending,
    result: AttemptResult<Body>,
    attempt: number,
    mayHaveActed: boolean,
    earlier: boolean,
    durationMs: number,
  ): Exchange<Body> | Error {
    if (result.kind === "failed") {
      const error = errorForFailure(result.failure, {
        method: request.method,
        target,
        apiOrigin,
        attempts: attempt,
        mayHaveTakenEffect: earlier || mayHaveActed,
        redact,
      });
      log.debug(redact, `${label} failed: ${error.message}`, { attempt, durationMs });
      return error;
    }
    const { status, statusText, headers, url } = result.response;
    const requestId = headers.get("x-request-id") ?? headers.get("request-id");
    log.debug(redact, `${label} → ${status}`, { attempt, durationMs, requestId });
    return {
      status,
      statusText,
      headers,
      url: url || request.url,
      body: result.body,
      attempts: attempt,
      earlierAttemptMayHaveTakenEffect: earlier,
      redact,
    };
  }

  return {
    redactionFor,
    async send(request, limits, read) {
      const { timeoutMs = settings.timeoutMs, maxRetries = settings.maxRetries } = limits;
      request.signal?.throwIfAborted();
      const { method, url, headers } = request;
      const requestKey = headers.get("x-api-key");
      const target = `${method} ${url.split("?")[0]}`;
      const sending: Sending = {
        request,
        label: target.replace(`${method} ${apiOrigin}/`, `${method} /`),
        target,
        redact: redactionFor(requestKey),
      };
      // With no client key, a key the caller set on the request (per tenant, say) is theirs.
      const plan = { request, dispatch: settings.dispatch, key: settings.apiKey ?? requestKey };
      const idempotent = isIdempotent(method, headers);
      let earlier = false;
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        const result = await attemptOnce({ ...plan, apiOrigin, timeoutMs, read });
        const outcome = outcomeOf(result);
        const acted = mayHaveTakenEffect(outcome);
        const ended = conclude(sending, result, attempt, acted, earlier, Date.now() - started);
        const verdict = retryVerdict(outcome, { attempt, maxRetries, idempotent });
        if (!verdict.retry) {
          if (ended instanceof Error) throw ended;
          return ended;
        }
        const why = ended instanceof Error ? `failed (${ended.name})` : `got ${ended.status}`;
        const wait = Math.round(verdict.waitMs);
        log.info(sending.redact, `${sending.label} ${why}; retrying in ${wait} ms`, { attempt });
        earlier ||= acted;
        await sleep(verdict.waitMs, request.signal);
      }
    },
  };
}
