import { describe, expect, it } from "vitest";
import {
  AgniConnectionError,
  AgniRedirectError,
  AgniTimeoutError,
} from "../../../src/errors/index.js";
import { createRedactor } from "../../../src/support/redact.js";
import { errorForFailure, type FailureContext } from "../../../src/transport/failure.js";

const KEY = "sk_live_failure_0123";
const context: FailureContext = {
  method: "POST",
  target: "POST https://api.example.com/api/v1/calling/create-call",
  apiOrigin: "https://api.example.com",
  attempts: 1,
  mayHaveTakenEffect: false,
  redact: createRedactor([KEY]),
};

describe("errorForFailure", () => {
  it("makes a time-out an AgniTimeoutError that is never safe to retry", () => {
    const error = errorForFailure({ kind: "timeout", timeoutMs: 250 }, { ...context, attempts: 2 });
    expect(error).toBeInstanceOf(AgniTimeoutError);
    expect((error as AgniTimeoutError).timeoutMs).toBe(250);
    expect(error.message).toContain("within 250 ms (after 2 attempts)");
    expect(error.safeToRetry).toBe(false);
    expect(error.attempts).toBe(2);
  });

  it("makes a network failure an AgniConnectionError, safe only if nothing took effect", () => {
    const cause = new TypeError("fetch failed");
    const refused = errorForFailure(
      { kind: "network", error: cause, neverConnected: true },
      context,
    );
    expect(refused).toBeInstanceOf(AgniConnectionError);
    expect(refused.cause).toBe(cause);
    expect(refused.safeToRetry).toBe(true);
    expect(refused.message).toBe(`Could not complete ${context.target}: fetch failed`);
    const reset = errorForFailure(
      { kind: "network", error: cause, neverConnected: false },
      { ...context, mayHaveTakenEffect: true },
    );
    expect(reset.safeToRetry).toBe(false);
    expect(reset.message).toContain("; the server may have received the request");
  });

  it("says why a redirect was refused, with the location redacted", () => {
    const location = `https://evil.example/x?k=${KEY}`;
    const error = errorForFailure(
      { kind: "redirect", reason: "other-origin", status: 307, location },
      context,
    ) as AgniRedirectError;
    expect(error).toBeInstanceOf(AgniRedirectError);
    expect(error.location).toBe("https://evil.example/x?k=***");
    expect(error.status).toBe(307);
    expect(error.safeToRetry).toBe(true);
    expect(error.message).toBe(
      `${context.target} was redirected (307) to another origin, https://evil.example/x?k=***; ` +
        "not followed, so the API key stays with https://api.example.com",
    );
    const messages = {
      "no-location": "without a Location header; not followed",
      "unreadable-location": "to a Location that is not a URL; not followed",
      hidden: "to a location the browser does not reveal; not followed",
      "method-change": "to https://api.example.com/b with a status that would turn POST into GET",
      "too-many": "more than 5 times; stopped at https://api.example.com/b",
    } as const;
    for (const [reason, text] of Object.entries(messages)) {
      const refused = errorForFailure(
        {
          kind: "redirect",
          reason: reason as keyof typeof messages,
          status: 303,
          location: "https://api.example.com/b",
        },
        { ...context, mayHaveTakenEffect: true },
      );
      expect(refused.message).toContain(text);
      expect(refused.safeToRetry).toBe(false);
    }
  });
});
