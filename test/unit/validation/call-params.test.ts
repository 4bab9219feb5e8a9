import { describe, expect, it } from "vitest";
import { E164_PATTERN, validateCallParams } from "../../../src/validation/call-params.js";

const messageFor = (
  field: string,
  params: unknown,
  type: "web_call" | "outbound_call" = "outbound_call",
) => validateCallParams(type, params).find((issue) => issue.field === field)?.message;

describe("validateCallParams quotes what it got", () => {
  it("names the kind of a bad value", () => {
    const got = (value: unknown) => messageFor("agent_id", { agent_id: value }, "web_call");
    expect(got(undefined)).toMatch(/, got nothing$/);
    expect(got(null)).toMatch(/, got null$/);
    expect(got(5)).toMatch(/, got a number$/);
    expect(got([])).toMatch(/, got an array$/);
    expect(got({})).toMatch(/, got a object$/);
    expect(got("  ")).toMatch(/, got " {2}"$/);
    expect(messageFor("params", "x", "web_call")).toBe(
      'must be an object such as { agent_id }, got "x"',
    );
  });

  it("cuts a long string at 40 characters, and not a string of 40", () => {
    const forty = `+${"1".repeat(39)}`;
    expect(
      messageFor("to_phone_number", {
        agent_id: "a",
        from_phone_number: "+14157774444",
        to_phone_number: forty,
      }),
    ).toMatch(new RegExp(`got "\\${forty}"$`));
    expect(
      messageFor("to_phone_number", {
        agent_id: "a",
        from_phone_number: "+14157774444",
        to_phone_number: `${forty}9`,
      }),
    ).toMatch(new RegExp(`got "\\${forty}…"$`));
  });

  it("redacts with the given function before cutting", () => {
    const metadata = validateCallParams(
      "web_call",
      { agent_id: "a", metadata: `secret${"-".repeat(60)}` },
      (text) => text.replace("secret", "***"),
    );
    expect(metadata[0]!.message).toMatch(/got "\*\*\*-{37}…"$/);
    const quoted = validateCallParams(
      "outbound_call",
      { agent_id: "a", from_phone_number: "secret", to_phone_number: "+12137774445" },
      (text) => text.replace("secret", "***"),
    );
    expect(quoted[0]!.message).toMatch(/got "\*\*\*"$/);
  });

  it("checks both numbers of an outbound call, and neither of a web call", () => {
    expect(validateCallParams("outbound_call", { agent_id: "a" }).map((i) => i.field)).toEqual([
      "from_phone_number",
      "to_phone_number",
    ]);
    expect(validateCallParams("web_call", { agent_id: "a" })).toEqual([]);
  });
});

describe("E164_PATTERN", () => {
  it("takes +, a non-zero digit and 1 to 14 more digits, anchored at both ends", () => {
    for (const good of ["+14157774444", "+12", "+123456789012345"])
      expect(E164_PATTERN.test(good), good).toBe(true);
    for (const bad of [
      "14157774444",
      "+04157774444",
      "+1",
      "+1234567890123456",
      "x+14157774444",
      "+14157774444x",
    ]) {
      expect(E164_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
