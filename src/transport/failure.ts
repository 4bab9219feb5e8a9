import { attemptsSuffix } from "../errors/agni-error.js";
import {
  AgniConnectionError,
  AgniRedirectError,
  AgniTimeoutError,
  type AgniError,
} from "../errors/index.js";
import { redactError, type Redact } from "../support/redact.js";
import { describeNetworkError } from "./network-error.js";
import type { RedirectRefusal } from "./redirect.js";

/** An attempt that ended without an answer the client can return. */
export type Failure =
  | { kind: "timeout"; timeoutMs: number }
  | ({ kind: "redirect" } & RedirectRefusal)
  | { kind: "network"; error: unknown; neverConnected: boolean };

/** What a failure's error says about the request it concerns. */
export interface FailureContext {
  /** `METHOD url` without the query. */
  target: string;
  attempts: number;
  /** Whether the server may have acted on this request (by this attempt or an earlier one). */
  mayHaveTakenEffect: boolean;
  redact: Redact;
}

/** The typed error for a failed request, every string redacted. */
export function errorForFailure(failure: Failure, context: FailureContext): AgniError {
  const { attempts, redact } = context;
  const target = redact(context.target);
  const safeToRetry = !context.mayHaveTakenEffect;
  switch (failure.kind) {
    case "timeout":
      return new AgniTimeoutError(failure.timeoutMs, target, attempts);
    case "redirect":
      return new AgniRedirectError(
        redact(`${target} was redirected (${failure.status}) ${failure.problem}`) +
          attemptsSuffix(attempts),
        failure.status,
        redact(failure.location),
        { safeToRetry, attempts },
      );
    case "network":
      return new AgniConnectionError(
        redact(
          `Could not complete ${target}: ${describeNetworkError(failure.error)}` +
            attemptsSuffix(attempts) +
            (failure.neverConnected ? "" : "; the server may still have processed the request"),
        ),
        { cause: redactError(failure.error, redact), safeToRetry, attempts },
      );
  }
}
