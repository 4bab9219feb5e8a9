import { statusMeansNoEffect } from "../support/no-effect.js";
import { MAX_RETRY_AFTER_MS } from "../support/retry-after.js";
import { backoffMs } from "./retry-timing.js";

/** What one attempt came to, as the retry rule sees it. */
export type AttemptOutcome =
  | { kind: "answer"; status: number; retryAfterMs: number | undefined }
  | { kind: "timeout" }
  | { kind: "redirect"; status: number }
  | { kind: "network"; neverConnected: boolean };

/** Where a request stands when an attempt ends. */
export interface RetryContext {
  /** The attempt that just ended (1 for the first). */
  attempt: number;
  maxRetries: number;
  /** Whether sending the request twice cannot duplicate its effect. */
  idempotent: boolean;
}

/** Whether to send the request again, and after how long. */
export type RetryVerdict = { retry: false } | { retry: true; waitMs: number };

/** Statuses worth another attempt for an idempotent request; 429 alone for any other. */
const RETRY_STATUSES_IDEMPOTENT = new Set([408, 429, 500, 502, 503, 504]);
const STOP: RetryVerdict = { retry: false };

/**
 * The retry rule: a request the server may have processed is never sent again unless that is
 * safe. Idempotent requests (by method, or carrying `Idempotency-Key`) are retried on time-outs,
 * network failures, 408, 429, 500, 502, 503 and 504; any other request only on 429 or on a
 * connection that was never established. A refused redirect is final. A server-asked wait over
 * {@link MAX_RETRY_AFTER_MS} ends the request rather than stalling it.
 */
export function retryVerdict(
  outcome: AttemptOutcome,
  context: RetryContext,
  random: () => number = Math.random,
): RetryVerdict {
  if (context.attempt > context.maxRetries) return STOP;
  let worthIt = false; // a refused redirect, among others, is final
  let asked: number | undefined; // the wait the server asked for
  switch (outcome.kind) {
    case "answer":
      worthIt =
        outcome.status === 429 ||
        (context.idempotent && RETRY_STATUSES_IDEMPOTENT.has(outcome.status));
      asked = outcome.retryAfterMs;
      break;
    case "timeout":
      worthIt = context.idempotent;
      break;
    case "network":
      worthIt = context.idempotent || outcome.neverConnected;
  }
  if (!worthIt || (asked ?? 0) > MAX_RETRY_AFTER_MS) return STOP;
  return { retry: true, waitMs: asked ?? backoffMs(context.attempt, random) };
}

/** Whether the server may have acted on an attempt that came to `outcome`. */
export function mayHaveTakenEffect(outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case "answer":
      return !statusMeansNoEffect(outcome.status);
    case "timeout":
      return true;
    case "redirect":
      // A 307 or 308 asks for the request elsewhere: this server did not act on it.
      return outcome.status !== 307 && outcome.status !== 308;
    case "network":
      return !outcome.neverConnected;
  }
}
