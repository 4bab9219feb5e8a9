import { describe, expect, it } from "vitest";
import { isIdempotent } from "../../../src/transport/idempotent.js";
import { backoffMs, MAX_BACKOFF_MS } from "../../../src/transport/retry-timing.js";

describe("backoffMs", () => {
  it("doubles from 0.5 s up to 8 s", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffMs(n, () => 0))).toEqual([
      500,
      1_000,
      2_000,
      4_000,
      8_000,
      MAX_BACKOFF_MS,
      MAX_BACKOFF_MS,
    ]);
  });

  it("takes off up to a quarter as jitter", () => {
    expect(backoffMs(1, () => 1)).toBe(375);
    expect(backoffMs(3, () => 0.5)).toBe(1_750);
    const drawn = backoffMs(2);
    expect(drawn).toBeGreaterThan(750);
    expect(drawn).toBeLessThanOrEqual(1_000);
  });
});

describe("isIdempotent", () => {
  it("holds for GET, HEAD, PUT, DELETE and OPTIONS, and for a request with a key", () => {
    for (const method of ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]) {
      expect(isIdempotent(method, {}), method).toBe(true);
    }
    expect(isIdempotent("POST", { "idempotency-key": "k1" })).toBe(true);
    expect(isIdempotent("PATCH", { "idempotency-key": "k1" })).toBe(true);
  });

  it("does not hold for POST or PATCH without a key, or with an empty one", () => {
    expect(isIdempotent("POST", {})).toBe(false);
    expect(isIdempotent("PATCH", {})).toBe(false);
    expect(isIdempotent("POST", { "idempotency-key": "" })).toBe(false);
  });
});
