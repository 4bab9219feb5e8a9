import { describe, expect, it } from "vitest";
import {
  mayHaveTakenEffect,
  retryVerdict,
  type AttemptOutcome,
} from "../../../src/transport/retry-policy.js";

const answer = (status: number, retryAfterMs?: number): AttemptOutcome => ({
  kind: "answer",
  status,
  retryAfterMs,
});
const post = { attempt: 1, maxRetries: 2, idempotent: false };
const keyed = { ...post, idempotent: true };
const noJitter = () => 0;

describe("retryVerdict", () => {
  it("retries an idempotent request on 408, 429, 500, 502, 503 and 504, with backoff", () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(retryVerdict(answer(status), keyed, noJitter)).toEqual({ retry: true, waitMs: 500 });
    }
  });

  it("retries any other request on 429 only", () => {
    expect(retryVerdict(answer(429), post, noJitter)).toEqual({ retry: true, waitMs: 500 });
    for (const status of [200, 400, 408, 500, 501, 502, 503, 504]) {
      expect(retryVerdict(answer(status), post, noJitter)).toEqual({ retry: false });
    }
  });

  it("never retries an answer outside the list, idempotent or not", () => {
    for (const status of [200, 201, 301, 400, 401, 404, 409, 422, 501, 505]) {
      expect(retryVerdict(answer(status), keyed, noJitter)).toEqual({ retry: false });
    }
  });

  it("waits what the server asks, up to 60 s, and gives up on a longer wait", () => {
    expect(retryVerdict(answer(429, 1_234), post)).toEqual({ retry: true, waitMs: 1_234 });
    expect(retryVerdict(answer(503, 60_000), keyed)).toEqual({ retry: true, waitMs: 60_000 });
    expect(retryVerdict(answer(429, 60_001), post)).toEqual({ retry: false });
    // A wait asked on a status that is not retried changes nothing.
    expect(retryVerdict(answer(503, 10), post)).toEqual({ retry: false });
  });

  it("stops once the retries are spent, and allows exactly maxRetries of them", () => {
    expect(retryVerdict(answer(429), { ...post, attempt: 2 }).retry).toBe(true);
    expect(retryVerdict(answer(429), { ...post, attempt: 3 })).toEqual({ retry: false });
    expect(retryVerdict(answer(429), { ...post, maxRetries: 0 })).toEqual({ retry: false });
  });

  it("retries a time-out only for an idempotent request", () => {
    expect(retryVerdict({ kind: "timeout" }, keyed, noJitter)).toEqual({
      retry: true,
      waitMs: 500,
    });
    expect(retryVerdict({ kind: "timeout" }, post)).toEqual({ retry: false });
  });

  it("retries a network failure of any request only if it never connected", () => {
    const refused: AttemptOutcome = { kind: "network", neverConnected: true };
    const reset: AttemptOutcome = { kind: "network", neverConnected: false };
    expect(retryVerdict(refused, post, noJitter)).toEqual({ retry: true, waitMs: 500 });
    expect(retryVerdict(reset, post)).toEqual({ retry: false });
    expect(retryVerdict(reset, keyed, noJitter)).toEqual({ retry: true, waitMs: 500 });
  });

  it("never retries a refused redirect", () => {
    expect(retryVerdict({ kind: "redirect", status: 307 }, keyed)).toEqual({ retry: false });
    expect(retryVerdict({ kind: "redirect", status: 303 }, post)).toEqual({ retry: false });
  });

  it("backs off longer on each retry", () => {
    const waits = [1, 2, 3, 4, 5].map(
      (attempt) =>
        (
          retryVerdict(answer(429), { ...post, attempt, maxRetries: 10 }, noJitter) as {
            waitMs: number;
          }
        ).waitMs,
    );
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
  });
});

describe("mayHaveTakenEffect", () => {
  it("is false only for a 4xx, a connection never made, or a 307/308 redirect", () => {
    expect(mayHaveTakenEffect(answer(400))).toBe(false);
    expect(mayHaveTakenEffect(answer(429))).toBe(false);
    expect(mayHaveTakenEffect(answer(499))).toBe(false);
    expect(mayHaveTakenEffect({ kind: "network", neverConnected: true })).toBe(false);
    expect(mayHaveTakenEffect({ kind: "redirect", status: 307 })).toBe(false);
    expect(mayHaveTakenEffect({ kind: "redirect", status: 308 })).toBe(false);
  });

  it("is true for 2xx, 3xx and 5xx answers, time-outs, resets and other redirects", () => {
    for (const status of [200, 303, 399, 500, 503])
      expect(mayHaveTakenEffect(answer(status))).toBe(true);
    expect(mayHaveTakenEffect({ kind: "timeout" })).toBe(true);
    expect(mayHaveTakenEffect({ kind: "network", neverConnected: false })).toBe(true);
    for (const status of [0, 301, 302, 303]) {
      expect(mayHaveTakenEffect({ kind: "redirect", status })).toBe(true);
    }
  });
});
