import { describe, expect, it } from "vitest";
import { checkOptional } from "../../../src/validation/issue.js";

describe("checkOptional", () => {
  const positive = (value: unknown) => typeof value === "number" && value > 0;

  it("accepts an absent value without asking the rule", () => {
    let asked = false;
    expect(checkOptional(undefined, () => (asked = true), "n", "must be positive")).toEqual([]);
    expect(asked).toBe(false);
  });

  it("accepts a value the rule passes and reports one it fails, with field and message", () => {
    expect(checkOptional(3, positive, "n", "must be positive")).toEqual([]);
    for (const bad of [0, null, "3"]) {
      expect(checkOptional(bad, positive, "n", "must be positive")).toEqual([
        { field: "n", message: "must be positive" },
      ]);
    }
  });
});
