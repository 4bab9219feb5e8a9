/**
 * Contract tests: the helpers' requests go to Prism, an independent validator of
 * openapi/agni.yaml, which answers 422 or 401 to any request the spec rejects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgniAuthenticationError,
  AgniUnprocessableEntityError,
  createAgniClient,
  type CreateCallRequest,
} from "../src/index.js";
import { createMockAgni } from "../src/testing/index.js";
import { API_KEY, rejectionOf } from "./helpers/fixtures.js";
import { startPrism, type Prism } from "./helpers/prism.js";

let prism: Prism;
beforeAll(async () => {
  prism = await startPrism();
}, 60_000);
afterAll(() => prism?.stop());

const client = () => createAgniClient({ apiKey: API_KEY, baseUrl: prism.url });

describe("the helpers' requests satisfy the spec", () => {
  it("createWebCall (empty phone numbers, metadata, variables)", async () => {
    const result = await client().calls.createWebCall({
      agent_id: "agent_1",
      metadata: { crm_id: "c-1", nested: { list: [1, "two", null] } },
      prompt_dynamic_variables: { customer_name: "Ada" },
    });
    expect(result.session_id).toBe("019eb7e0-075d-742b-91ea-94cddde0534a");
    expect(result.room_id).toBe(`call_${result.session_id}`);
  });

  it("createOutboundCall", async () => {
    const result = await client().calls.createOutboundCall({
      agent_id: "agent_1",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
    });
    expect(result).toMatchObject({ success: true, message: "call created successfully" });
  });
});

describe("the validator rejects what the spec rejects (so the tests above can fail)", () => {
  const valid: CreateCallRequest = {
    type: "outbound_call",
    agent_id: "agent_1",
    from_phone_number: "+14157774444",
    to_phone_number: "+12137774445",
  };

  it("a body without agent_id is a 422 naming it", async () => {
    const { agent_id: _dropped, ...body } = valid;
    const { response, error } = await client().raw.POST("/api/v1/calling/create-call", {
      body: body as CreateCallRequest,
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(error)).toContain("agent_id");
  });

  it("a request without X-Api-Key is a 401, which the helpers surface as AgniAuthenticationError", async () => {
    const keyless = createAgniClient({ apiKey: null, baseUrl: prism.url });
    const error = await rejectionOf(keyless.calls.createWebCall({ agent_id: "a" }));
    expect(error).toBeInstanceOf(AgniAuthenticationError);
  });

  it("a wrong type sent through a cast is a 422, surfaced as AgniUnprocessableEntityError", async () => {
    const agni = createAgniClient({
      apiKey: API_KEY,
      baseUrl: prism.url,
      fetch: async (request) => {
        const body = { ...(await request.json()), type: "sms" };
        return fetch(new Request(request, { body: JSON.stringify(body) }));
      },
    });
    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));
    expect(error).toBeInstanceOf(AgniUnprocessableEntityError);
  });
});

describe("createMockAgni agrees with the independent validator", () => {
  const base = { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" };
  const { agent_id: _a, ...noAgent } = base;
  const { to_phone_number: _t, ...noTo } = base;
  const { type: _ty, ...noType } = base;
  const cases: [string, unknown, boolean][] = [
    ["a valid web call", base, true],
    [
      "a valid outbound call",
      { ...base, type: "outbound_call", from_phone_number: "+1415", to_phone_number: "+1213" },
      true,
    ],
    [
      "metadata and variables",
      { ...base, metadata: { a: { b: 1 } }, prompt_dynamic_variables: {} },
      true,
    ],
    ["no agent_id", noAgent, true],
    ["no to_phone_number", noTo, true],
    ["no type", noType, true],
    ["an unknown type", { ...base, type: "sms" }, true],
    ["a numeric agent_id", { ...base, agent_id: 7 }, true],
    ["metadata as an array", { ...base, metadata: [] }, true],
    ["variables as a string", { ...base, prompt_dynamic_variables: "x" }, true],
    ["no X-Api-Key", base, false],
  ];

  it.each(cases)("%s gets the same status from both", async (_name, body, withKey) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (withKey) headers["x-api-key"] = API_KEY;
    const init = { method: "POST", headers, body: JSON.stringify(body) };
    const path = "/api/v1/calling/create-call";

    const fromPrism = await fetch(`${prism.url}${path}`, init);
    const fromMock = await createMockAgni()(`https://api.ravan.ai${path}`, init);

    expect(fromMock.status).toBe(fromPrism.status);
  });
});
