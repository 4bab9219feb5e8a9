import { describe, expect, it } from "vitest";
import { AgniError, AgniValidationError } from "../../../src/errors/index.js";
import { snippetOf } from "../../../src/errors/snippet.js";

describe("error classes", () => {
  it("a validation error sent nothing: safe to retry, 0 attempts, every issue in the message", () => {
    const error = new AgniValidationError("Invalid x", [
      { field: "a", message: "is bad" },
      { field: "b", message: "is worse" },
    ]);
    expect(error.safeToRetry).toBe(true);
    expect(error.attempts).toBe(0);
    expect(error.message).toBe("Invalid x:\n  - a: is bad\n  - b: is worse");
  });

  it("keeps a cause only when there is one", () => {
    expect("cause" in new AgniError("m", { safeToRetry: false, attempts: 1 })).toBe(false);
    const cause = new Error("root");
    expect(new AgniError("m", { safeToRetry: false, attempts: 1, cause }).cause).toBe(cause);
  });
});

describe("snippetOf", () => {
  it("drops scripts, styles and tags, folds white space, and cuts at 200", () => {
    expect(snippetOf("<style>p{}</style><script>x()</script><h1>Bad</h1>\n\n gateway ")).toBe(
      "Bad gateway",
    );
    expect(snippetOf("a".repeat(200))).toBe("a".repeat(200));
    expect(snippetOf("a".repeat(201))).toBe(`${"a".repeat(200)}…`);
  });
});
