import { describe, expect, it } from "vitest";
import { buildCreateCallBody } from "../../../src/calls/request-body.js";

describe("buildCreateCallBody", () => {
  it("sends a web call's numbers as empty strings, type first", () => {
    expect(
      JSON.stringify(buildCreateCallBody("web_call", { agent_id: "a1", metadata: { m: 1 } })),
    ).toBe(
      '{"type":"web_call","agent_id":"a1","from_phone_number":"","to_phone_number":"","metadata":{"m":1}}',
    );
  });

  it("keeps an outbound call's numbers and every other field given, new ones included", () => {
    const params = {
      agent_id: "a1",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
      prompt_dynamic_variables: { name: "Ada" },
      language: "en-US",
    };
    expect(buildCreateCallBody("outbound_call", params)).toEqual({
      type: "outbound_call",
      ...params,
    });
  });
});
