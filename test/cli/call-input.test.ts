import { describe, expect, it } from "vitest";
import { readCallInput } from "../../src/cli/call-input.js";

const OUTBOUND = { agent: "a1", from: "+14157774444", to: "+12137774445" };

describe("readCallInput", () => {
  it("reads a web call with metadata, variables and request options", () => {
    expect(
      readCallInput("web", {
        agent: "a1",
        metadata: '{"ticket":"T-1","n":[1,{"x":null}]}',
        var: ["name=Ada", "greeting=a=b", "empty="],
        "timeout-ms": "2500",
        "idempotency-key": "k-1",
      }),
    ).toEqual({
      kind: "web",
      params: {
        agent_id: "a1",
        metadata: { ticket: "T-1", n: [1, { x: null }] },
        prompt_dynamic_variables: { name: "Ada", greeting: "a=b", empty: "" },
      },
      options: { timeoutMs: 2500, idempotencyKey: "k-1" },
    });
  });

  it("reads an outbound call's numbers and sends nothing it was not given", () => {
    expect(readCallInput("outbound", OUTBOUND)).toEqual({
      kind: "outbound",
      params: {
        agent_id: "a1",
        from_phone_number: "+14157774444",
        to_phone_number: "+12137774445",
      },
      options: {},
    });
  });

  it("lists every problem by flag", () => {
    const issues = readCallInput("outbound", {
      agent: "  ",
      from: "(415) 777-4444",
      metadata: "[1]",
      var: ["novalue", "=x", "a=1", "a=2"],
      "timeout-ms": "0",
      "idempotency-key": "",
    });
    expect(issues).toEqual([
      { field: "--agent", message: "is required" },
      { field: "--from", message: expect.stringMatching(/E\.164.*got "\(415\) 777-4444"/) },
      { field: "--to", message: "is required" },
      { field: "--metadata", message: expect.stringMatching(/JSON object.*got an array/) },
      { field: "--var", message: 'must be name=value, got "novalue"' },
      { field: "--var", message: 'must be name=value, got "=x"' },
      { field: "--var a", message: "is given more than once" },
      { field: "--timeout-ms", message: expect.stringMatching(/whole number from 1 .* got "0"/) },
      { field: "--idempotency-key", message: "must not be empty" },
    ]);
  });

  it.each([
    ["not JSON", "{ticket: 1}", /is not JSON/],
    ["null", "null", /got null/],
    ["a string", '"x"', /got a string/],
  ])("refuses --metadata that is %s", (_name, metadata, message) => {
    expect(readCallInput("web", { agent: "a", metadata })).toEqual([
      { field: "--metadata", message: expect.stringMatching(message) },
    ]);
  });

  it("refuses a non-numeric time limit", () => {
    expect(readCallInput("web", { agent: "a", "timeout-ms": "1e3" })).toEqual([
      { field: "--timeout-ms", message: expect.stringContaining('got "1e3"') },
    ]);
  });
});
