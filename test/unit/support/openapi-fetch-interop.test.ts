import { describe, expect, it } from "vitest";
import { mergeHeaderRecord } from "../../../src/support/openapi-fetch-interop.js";

describe("mergeHeaderRecord", () => {
  it("lower-cases names and lets a later source win whatever its case", () => {
    expect(
      mergeHeaderRecord(
        { "Content-Type": "application/json", Accept: "application/json" },
        undefined,
        { "content-type": "text/plain", "X-Trace": "t1" },
        { "CONTENT-TYPE": "application/x-ndjson" },
      ),
    ).toEqual({
      "content-type": "application/x-ndjson",
      accept: "application/json",
      "x-trace": "t1",
    });
  });

  it("returns a new object and leaves its sources alone", () => {
    const source = { "X-A": "1" };
    const merged = mergeHeaderRecord(source);
    merged["x-b"] = "2";
    expect(source).toEqual({ "X-A": "1" });
    expect(mergeHeaderRecord()).toEqual({});
  });
});
