import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../../src/support/retry-after.js";

const from = (headers: Record<string, string>) => (name: string) => headers[name];
const NOW = Date.parse("2026-11-24T08:00:00Z");

describe("retryAfterMs", () => {
  it("reads retry-after-ms first, then retry-after as seconds", () => {
    expect(retryAfterMs(from({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(from({ "retry-after-ms": " 1.5 " }))).toBe(1.5);
    expect(retryAfterMs(from({ "retry-after": "2" }))).toBe(2_000);
    expect(retryAfterMs(from({ "retry-after": "0.5" }))).toBe(500);
  });

  it("reads an HTTP date against now, never below zero", () => {
    const date = new Date(NOW + 3_000).toUTCString();
    expect(retryAfterMs(from({ "retry-after": date }), NOW)).toBe(3_000);
    expect(retryAfterMs(from({ "retry-after": new Date(NOW - 5_000).toUTCString() }), NOW)).toBe(0);
  });

  it("ignores malformed values", () => {
    expect(retryAfterMs(from({}))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after": "   " }))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after": "-1" }))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after": "1e3" }))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after-ms": "x1", "retry-after": "1" }))).toBe(1_000);
    expect(retryAfterMs(from({ "retry-after-ms": "12abc" }))).toBeUndefined();
  });
});
