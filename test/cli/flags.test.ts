import { describe, expect, it } from "vitest";
import { allIssues, parseFlags } from "../../src/cli/flags.js";

const SPECS = {
  agent: { type: "string" },
  var: { type: "string", multiple: true },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

describe("parseFlags", () => {
  it("reads string, repeated and boolean flags, inline or not", () => {
    expect(
      parseFlags(["--agent", "a1", "--var", "a=1", "--var=b=2", "--json", "-h"], SPECS),
    ).toEqual({
      values: { agent: "a1", var: ["a=1", "b=2"], json: true, help: true },
      unknown: [],
      issues: [],
    });
  });

  it("reports unknown flags and stray arguments as written", () => {
    expect(parseFlags(["--bogus", "x", "-z", "--agent", "a"], SPECS)).toMatchObject({
      values: { agent: "a" },
      unknown: ["--bogus", "x", "-z"],
    });
  });

  it("reports a string flag without a value, without losing the flag after it", () => {
    const parsed = parseFlags(["--agent", "--json", "--var"], SPECS);
    expect(parsed.values).toEqual({ json: true });
    expect(parsed.issues.map((issue) => issue.field)).toEqual(["--agent", "--var"]);
    expect(parsed.issues[0]!.message).toMatch(/needs a value/);
    expect(parsed.unknown).toEqual([]);
  });

  it("takes a negative number or an inline dash value as a value", () => {
    expect(parseFlags(["--agent", "-5"], SPECS).values).toEqual({ agent: "-5" });
    expect(parseFlags(["--agent=-x"], SPECS).values).toEqual({ agent: "-x" });
  });

  it("refuses a value for a switch and a single flag given twice", () => {
    expect(parseFlags(["--json=yes", "--agent", "a", "--agent", "b"], SPECS).issues).toEqual([
      { field: "--json", message: "takes no value" },
      { field: "--agent", message: "is given more than once" },
    ]);
  });
});

describe("allIssues", () => {
  it("keeps parsing issues first and drops a check's issue about a flag already reported", () => {
    const parsed = [{ field: "--to", message: "needs a value" }];
    const checked = [
      { field: "--agent", message: "is required" },
      { field: "--to", message: "is required" },
    ];
    expect(allIssues(parsed, checked)).toEqual([...parsed, checked[0]]);
    expect(allIssues([], { params: {} })).toEqual([]);
  });
});
