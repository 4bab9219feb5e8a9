import { describe, expect, it } from "vitest";
import { describeNetworkError, neverConnected } from "../../../src/transport/network-error.js";

const withCode = (code: string) => Object.assign(new Error("boom"), { code });
const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });

describe("neverConnected", () => {
  it("is true for every code and message that says no connection was made", () => {
    for (const code of [
      "ECONNREFUSED",
      "ENOTFOUND",
      "EAI_AGAIN",
      "EAI_NONAME",
      "ENETUNREACH",
      "EHOSTUNREACH",
      "EADDRNOTAVAIL",
      "UND_ERR_CONNECT_TIMEOUT",
    ]) {
      expect(neverConnected(fetchFailed(withCode(code))), code).toBe(true);
    }
    for (const message of [
      "ConnectionRefused",
      "error sending request: Connection refused (os error 111)",
      "dns error: failed to lookup address information",
    ]) {
      expect(neverConnected(new TypeError(message)), message).toBe(true);
    }
  });

  it("is false for resets, aborts, a browser's bare failure, and non-errors", () => {
    expect(neverConnected(fetchFailed(withCode("ECONNRESET")))).toBe(false);
    expect(neverConnected(fetchFailed(withCode("UND_ERR_SOCKET")))).toBe(false);
    expect(neverConnected(new TypeError("Failed to fetch"))).toBe(false);
    expect(neverConnected(null)).toBe(false);
    expect(neverConnected("ECONNREFUSED")).toBe(false);
    expect(neverConnected(undefined)).toBe(false);
  });

  it("needs every error of an AggregateError to say so (happy eyeballs tries several)", () => {
    const refused = withCode("ECONNREFUSED");
    expect(neverConnected(fetchFailed(new AggregateError([refused, refused])))).toBe(true);
    expect(neverConnected(new AggregateError([refused, withCode("ECONNRESET")]))).toBe(false);
    // An empty list says nothing: the cause decides.
    const empty = Object.assign(new AggregateError([]), { cause: refused });
    expect(neverConnected(empty)).toBe(true);
  });

  it("looks five causes deep and no deeper", () => {
    let error: unknown = withCode("ECONNREFUSED");
    for (let depth = 0; depth < 5; depth++) error = new Error("wrapped", { cause: error });
    expect(neverConnected(error)).toBe(true);
    expect(neverConnected(new Error("one more", { cause: error }))).toBe(false);
  });
});

describe("describeNetworkError", () => {
  it("gives the error and its first cause", () => {
    expect(describeNetworkError(fetchFailed(new Error("connect ECONNREFUSED 127.0.0.1:9")))).toBe(
      "fetch failed (connect ECONNREFUSED 127.0.0.1:9)",
    );
    expect(describeNetworkError(new Error("same", { cause: new Error("same") }))).toBe("same");
    expect(describeNetworkError(new Error("alone"))).toBe("alone");
    expect(describeNetworkError(new Error("odd", { cause: "text" }))).toBe("odd");
    expect(describeNetworkError("a string")).toBe("a string");
  });
});
