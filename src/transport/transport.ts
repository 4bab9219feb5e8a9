import type { Log } from "../support/logger.js";
import { createRedactor, type Redact } from "../support/redact.js";
import { sleep } from "../support/sleep.js";
import { attemptOnce } from "./attempt.js";
import type { Dispatch } from "./dispatch.js";
import { errorForFailure } from "./failure.js";
import { isIdempotent } from "./idempotent.js";
import { mayHaveTakenEffect, retryVerdict } from "./retry-policy.js";
import type { Transport } from "./types.js";
import { API_KEY_HEADER } from "../spec/api-key.js";

// Header records carry lower-case names.
const KEY_HEADER = API_KEY_HEADER.toLowerCase();

/** What the transport needs of the client's resolved options. */
export interface TransportSettings {
  /** Sent as `X-Api-Key`; with `null`, a key the request itself carries is sent instead. */
  apiKey: string | null;
  baseUrl: string;
  dispatch: Dispatch;
  timeoutMs: number;
  maxRetries: number;
  /** Every key the client may send (empty entries ignored), hidden from all it shows. */
  secrets: readonly (string | null | undefined)[];
}

/** The server's id for a request, for support tickets. */
const requestIdOf = (headers: Headers) => headers.get("x-request-id") ?? headers.get("request-id");

/** The redaction for a request carrying a key, reusing the client's when it adds no secret. */
function redactionsFor(secrets: TransportSettings["secrets"]) {
  const clientRedact = createRedactor(secrets);
  return (requestKey: string | null | undefined): Redact =>
    !requestKey || secrets.includes(requestKey)
      ? clientRedact
      : createRedactor([...secrets, requestKey]);
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
  const redactionFor = redactionsFor(settings.secrets);

  return {
    redactionFor,
    async send(request, limits, read) {
      const { timeoutMs = settings.timeoutMs, maxRetries = settings.maxRetries } = limits;
      const { method, url, headers } = request;
      const requestKey = headers[KEY_HEADER] ?? null;
      const target = `${method} ${url.split("?")[0]}`;
      const redact = redactionFor(requestKey);
      // A key the caller set on the request (per tenant, say) wins over the client's.
      const plan = {
        request,
        dispatch: settings.dispatch,
        key: requestKey ?? settings.apiKey,
        apiOrigin,
        timeoutMs,
        read,
      };
      const idempotent = isIdempotent(method, headers);
      let earlier = false;
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        const result = await attemptOnce(plan);
        const verdict = retryVerdict(result, { attempt, maxRetries, idempotent });
        let why: string;
        if (result.kind === "answer") {
          log.debug?.(redact, `${target} → ${result.status}`, {
            attempt,
            durationMs: Date.now() - started,
            requestId: requestIdOf(result.response.headers),
          });
          if (!verdict.retry) {
            return {
              ...result,
              attempts: attempt,
              earlierAttemptMayHaveTakenEffect: earlier,
              redact,
            };
          }
          why = `got ${result.status}`;
        } else {
          const error = errorForFailure(result, {
            target,
            attempts: attempt,
            mayHaveTakenEffect: earlier || mayHaveTakenEffect(result),
            redact,
          });
          log.debug?.(redact, `${target} failed: ${error.message}`, {
            attempt,
            durationMs: Date.now() - started,
          });
          if (!verdict.retry) throw error;
          why = `failed (${error.name})`;
        }
        log.info?.(redact, `${target} ${why}; retrying in ${Math.round(verdict.waitMs)} ms`, {
          attempt,
        });
        earlier ||= mayHaveTakenEffect(result);
        await sleep(verdict.waitMs, request.signal);
      }
    },
  };
}
