import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED } from "../../../src/support/redact.js";

describe("createRedactor", () => {
  it("hides every secret in strings, arrays, nested objects and their keys", () => {
    const redact = createRedactor(["k1secret", "k2secret"]);
    expect(
      redact({
        a: "x k1secret y k2secret",
        k1secret: ["k2secret", 1, null, true, { deep: "k1secretk1secret" }],
        n: null,
        u: undefined,
      }),
    ).toEqual({
      a: `x ${REDACTED} y ${REDACTED}`,
      [REDACTED]: [REDACTED, 1, null, true, { deep: `${REDACTED}${REDACTED}` }],
      n: null,
      u: undefined,
    });
  });

  it("hides a longer secret whole when a shorter one is part of it", () => {
    const redact = createRedactor(["abc", "abcdef"]);
    expect(redact("abcdef and abc")).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it("ignores empty, null and undefined secrets, and returns values as they are without any", () => {
    const redact = createRedactor(["", null, undefined]);
    const value = { a: "" };
    expect(redact(value)).toBe(value);
    expect(createRedactor([null, "s3"])("s3")).toBe(REDACTED);
  });
});
