import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, redactError } from "../../../src/support/redact.js";

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

describe("redactError", () => {
  const redact = createRedactor(["sk_9"]);

  it("returns the error itself when nothing in it holds a secret", () => {
    const error = new TypeError("fetch failed", { cause: new Error("reset") });
    expect(redactError(error, redact)).toBe(error);
    expect(redactError("not an error", redact)).toBe("not an error");
  });

  it("copies an error holding a secret, same class, every field, cause and inner errors hidden", () => {
    const inner = Object.assign(new Error("inner sk_9"), { code: "E1", meta: { key: "sk_9" } });
    const error = new TypeError("outer sk_9", {
      cause: new AggregateError([inner, new Error("clean")], "many"),
    });
    const copy = redactError(error, redact);
    expect(copy).not.toBe(error);
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe(`outer ${REDACTED}`);
    expect(copy.stack).not.toContain("sk_9");
    const aggregate = copy.cause as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    const [hidden, clean] = aggregate.errors as [Error & { code: string; meta: object }, Error];
    expect(hidden.message).toBe(`inner ${REDACTED}`);
    expect(hidden.code).toBe("E1");
    expect(hidden.meta).toEqual({ key: REDACTED });
    expect(clean.message).toBe("clean");
    expect(Object.keys(copy)).toEqual(Object.keys(error));
  });

  it("keeps objects other than plain ones as they are", () => {
    const socket = new (class Socket {
      note = "sk_9";
    })();
    const error = Object.assign(new Error("x sk_9"), { socket });
    expect((redactError(error, redact) as typeof error).socket).toBe(socket);
  });
});

describe("redactError on odd errors", () => {
  const redact = createRedactor(["sk_9"]);

  it("survives a cause that is the error itself, hiding the secret at the top", () => {
    const error = new Error("loop sk_9");
    (error as { cause?: unknown }).cause = error;
    const copy = redactError(error, redact);
    expect(copy.message).toBe(`loop ${REDACTED}`);
  });

  it("keeps the same error when its plain fields hold no secret, whatever they hold", () => {
    const error = Object.assign(new Error("clean"), { code: null, meta: { a: 1 }, big: { n: 1n } });
    expect(redactError(error, redact)).toBe(error);
  });

  it("gives a copy whose fields can be changed, as the original's", () => {
    const copy = redactError(Object.assign(new Error("x sk_9"), { code: "E" }), redact) as Error & {
      code: string;
    };
    copy.code = "F";
    copy.message = "changed";
    delete (copy as { stack?: string }).stack;
    expect([copy.code, copy.message, copy.stack]).toEqual(["F", "changed", undefined]);
  });
});
