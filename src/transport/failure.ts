import { attemptsSuffix } from "../errors/agni-error.js";
import {
  AgniConnectionError,
  AgniRedirectError,
  AgniTimeoutError,
  type AgniError,
} from "../errors/index.js";
import { redactError, type Redact } from "../support/redact.js";
import { describeNetworkError } from "./network-error.js";
import { MAX_REDIRECTS, type RedirectRefusal } from "./redirect.js";

/** An attempt that ended without an answer the client can return. */
export type Failure =
  | { kind: "timeout"; timeoutMs: number }
  | ({ kind: "redirect" } & RedirectRefusal)
  | { kind: "network"; error: unknown; neverConnected: boolean };

/** What a failure's error says about the request it concerns. */
export interface FailureContext {
  method: string;
  /** `METHOD url` without the query. */
  target: string;
  apiOrigin: string;
  attempts: number;
  /** Whether the server may have acted on this request (by this attempt or an earlier one). */
  mayHaveTakenEffect: boolean;
  redact: Redact;
}

function redirectProblem(refusal: RedirectRefusal, method: string, apiOrigin: string): string {
  const shown = refusal.location;
  switch (refusal.reason) {
    case "hidden":
      return "to a location the browser does not reveal; not followed";
    case "no-location":
      return "without a Location header; not followed";
    case "unreadable-location":
      return "to a Location that is not a URL; not followed";
    case "other-origin":
      return `to another origin, ${shown}; not followed, so the API key stays with ${apiOrigin}`;
    case "method-change":
      return `to ${shown} with a status that would turn ${method} into GET; not followed`;
    case "too-many":
      return `more than ${MAX_REDIRECTS} times; stopped at ${shown}`;
  }
}

/** The typed error for a failed request, every string redacted. */
export function errorForFailure(failure: Failure, context: FailureContext): AgniError {
  const { attempts, redact } = context;
  const target = redact(context.target);
  const safeToRetry = !context.mayHaveTakenEffect;
  switch (failure.kind) {
    case "timeout":
      return new AgniTimeoutError(failure.timeoutMs, target, attempts);
    case "redirect": {
      const problem = redact(redirectProblem(failure, context.method, context.apiOrigin));
      return new AgniRedirectError(
        `${target} was redirected (${failure.status}) ${problem}${attemptsSuffix(attempts)}`,
        failure.status,
        redact(failure.location),
        { safeToRetry, attempts },
      );
    }
    case "network":
      return new AgniConnectionError(
        redact(
          `Could not complete ${target}: ${describeNetworkError(failure.error)}` +
            attemptsSuffix(attempts) +
            (failure.neverConnected ? "" : "; the server may have received the request"),
        ),
        { cause: redactError(failure.error, redact), safeToRetry, attempts },
      );
  }
}
