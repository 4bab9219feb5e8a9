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
  target: "POST https://api.example.com/api/v1/calling/create-call",
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
    expect(reset.message).toContain("; the server may still have processed the request");
  });

  it("says where a redirect led and why it was refused, every string redacted", () => {
    const location = `https://evil.example/x?k=${KEY}`;
    const error = errorForFailure(
      {
        kind: "redirect",
        status: 307,
        location,
        problem: `to another origin, ${location}; not followed`,
      },
      context,
    ) as AgniRedirectError;
    expect(error).toBeInstanceOf(AgniRedirectError);
    expect(error.location).toBe("https://evil.example/x?k=***");
    expect(error.status).toBe(307);
    expect(error.safeToRetry).toBe(true);
    expect(error.message).toBe(
      `${context.target} was redirected (307) to another origin, https://evil.example/x?k=***; ` +
        "not followed",
    );
    const refused = errorForFailure(
      { kind: "redirect", status: 303, location: "", problem: "without a Location header" },
      { ...context, attempts: 3, mayHaveTakenEffect: true },
    );
    expect(refused.message).toBe(
      `${context.target} was redirected (303) without a Location header (after 3 attempts)`,
    );
    expect(refused.safeToRetry).toBe(false);
  });
});
