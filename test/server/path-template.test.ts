import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodePath,
  matchesTemplate,
  parseTemplate,
  splitRequestPath,
} from "../../src/server/path-template.js";

describe("parseTemplate", () => {
  it("splits literals and {params}", () => {
    expect(parseTemplate("/api/v1/calling/call-sessions-detail/{id}")).toEqual([
      "api",
      "v1",
      "calling",
      "call-sessions-detail",
      null,
    ]);
  });

  it.each([
    ["no leading slash", "api/v1"],
    ["a trailing slash", "/api/v1/agents/"],
    ["a double slash", "/api//v1"],
    ["a dot segment", "/api/../v1"],
    ["a param inside a segment", "/api/x{id}"],
    ["a percent sign", "/api/a%2Fb"],
    ["a query", "/api/v1?x=1"],
  ])("refuses %s", (_, template) => {
    expect(parseTemplate(template)).toHaveProperty("problem");
  });
});

describe("splitRequestPath", () => {
  it("decodes each segment", () => {
    expect(splitRequestPath("/api/se%73sion%201/%E2%9C%93")).toEqual(["api", "session 1", "✓"]);
  });

  it.each([
    ["/a/../b", "dot segment"],
    ["/a/./b", "dot segment"],
    ["/a/%2e%2e/b", "dot segment"],
    ["/a/.%2E/b", "dot segment"],
    ["/a/%2E./b", "dot segment"],
    ["/a/%2e/b", "dot segment"],
    ["/a/.../b", "dot segment"],
    ["/a/%252e%252e/b", "encoded twice"],
    ["/a/%25/b", "encoded twice"],
    ["/a/b%2Fc", "slash"],
    ["/a/b%2fc", "slash"],
    ["/a/b%5Cc", "slash"],
    ["/a/b%5cc", "slash"],
    ["/a/b\\c", "slash"],
    ["/a//b", "empty segment"],
    ["/a/b/", "empty segment"],
    ["//a", "empty segment"],
    ["/", "empty segment"],
    ["/a/%E2%28", "malformed"],
    ["/a/%zz", "malformed"],
    ["/a/%00", "control"],
    ["a/b", "start with /"],
  ])("refuses %s (%s)", (path, reason) => {
    const result = splitRequestPath(path);
    expect(result).toHaveProperty("refused");
    expect((result as { refused: string }).refused).toContain(reason);
  });
});

describe("matchesTemplate", () => {
  const template = parseTemplate("/sessions/{id}/notes") as (string | null)[];
  it.each([
    [["sessions", "s1", "notes"], true],
    [["sessions", "a b", "notes"], true],
    [["sessions", "notes"], false],
    [["sessions", "s1", "notes", "x"], false],
    [["Sessions", "s1", "notes"], false],
  ])("%o → %s", (segments, expected) => {
    expect(matchesTemplate(template, segments)).toBe(expected);
  });
});

describe("encodePath", () => {
  it("is what splitRequestPath reads back, for any segments it accepts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, unit: "grapheme" }), { minLength: 1 }),
        (segments) => {
          const split = splitRequestPath(encodePath(segments));
          if (Array.isArray(split)) expect(split).toEqual(segments);
          else expect(segments.some((s) => /[/\\%\0-\x1f\x7f]|^\.+$/.test(s))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
