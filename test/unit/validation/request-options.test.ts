import { describe, expect, it } from "vitest";
import { checkApiKey, checkClientSettings } from "../../../src/validation/client-options.js";
import { checkHeaders, headerIn } from "../../../src/validation/headers.js";
import {
  checkMaxRetries,
  checkRequestOptions,
  checkTimeout,
} from "../../../src/validation/request-options.js";

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe("range checks", () => {
  it("timeoutMs: above 0 and at most 2^31-1", () => {
    for (const good of [undefined, 1, 0.5, 2_147_483_647])
      expect(checkTimeout(good, "t"), String(good)).toEqual([]);
    for (const bad of [0, -1, 2 ** 31, Infinity, NaN, "100", null])
      expect(fields(checkTimeout(bad, "t")), String(bad)).toEqual(["t"]);
  });

  it("maxRetries: a whole number from 0 to 10", () => {
    for (const good of [undefined, 0, 1, 10]) expect(checkMaxRetries(good, "r")).toEqual([]);
    for (const bad of [-1, 1.5, 11, "2", null])
      expect(fields(checkMaxRetries(bad, "r")), String(bad)).toEqual(["r"]);
  });

  it("idempotencyKey: 1 to 255 visible ASCII characters", () => {
    for (const good of ["k", "k".repeat(255), "0190-abc_~!"])
      expect(checkRequestOptions({ idempotencyKey: good })).toEqual([]);
    for (const bad of ["", "k".repeat(256), "has space", "é", 5]) {
      expect(fields(checkRequestOptions({ idempotencyKey: bad })), String(bad)).toEqual([
        "options.idempotencyKey",
      ]);
    }
  });

  it("request options: an object, a real AbortSignal", () => {
    expect(checkRequestOptions(undefined)).toEqual([]);
    expect(fields(checkRequestOptions(null))).toEqual(["options"]);
    expect(fields(checkRequestOptions({ signal: {} }))).toEqual(["options.signal"]);
    expect(checkRequestOptions({ signal: new AbortController().signal })).toEqual([]);
  });
});

describe("headers", () => {
  it("checks names, values and an empty Idempotency-Key, one issue each", () => {
    expect(checkHeaders({ ok: "v", "X-Tab": "a\tb", Latin: "é" }, "h")).toEqual([]);
    expect(
      fields(checkHeaders({ "bad name": "v", line: "a\nb", num: 5, "Idempotency-Key": " " }, "h")),
    ).toEqual(["h.bad name", "h.line", "h.num", "h.Idempotency-Key"]);
    expect(fields(checkHeaders([], "h"))).toEqual(["h"]);
    expect(fields(checkHeaders({ emoji: "☎" }, "h"))).toEqual(["h.emoji"]);
  });

  it("finds a header in any case, in a record that may not be one", () => {
    expect(headerIn({ "X-API-KEY": "k" }, "x-api-key")).toBe("k");
    expect(headerIn({ "x-api-key": 5 }, "x-api-key")).toBeUndefined();
    expect(headerIn("x", "x-api-key")).toBeUndefined();
    expect(headerIn(undefined, "x-api-key")).toBeUndefined();
  });
});

describe("client options", () => {
  it("checks the key's type and characters", () => {
    expect(checkApiKey(null, false, false)).toEqual([]);
    expect(checkApiKey("sk_1", false, false)).toEqual([]);
    expect(checkApiKey(42, false, false)).toEqual([
      { field: "apiKey", message: "must be a string" },
    ]);
    expect(checkApiKey("sk 1", false, false)[0]?.message).toContain("at position 2");
    expect(checkApiKey(undefined, false, false)[0]?.message).toContain("AGNI_API_KEY");
    expect(checkApiKey("", false, false)[0]?.message).toContain("AGNI_API_KEY");
    expect(checkApiKey("sk_1", true, false)[0]?.message).toContain("dangerouslyAllowBrowser");
    expect(checkApiKey("sk_1", true, true)).toEqual([]);
  });

  it("checks fetch, logger and logLevel", () => {
    expect(fields(checkClientSettings({ fetch: "f", logger: {}, logLevel: "verbose" }))).toEqual([
      "fetch",
      "logger",
      "logLevel",
    ]);
    expect(fields(checkClientSettings({ logger: null }))).toEqual(["logger"]);
    expect(fields(checkClientSettings({ logger: { ...console, error: 1 } }))).toEqual(["logger"]);
    expect(checkClientSettings({ fetch, logger: console, logLevel: "off" })).toEqual([]);
  });
});
