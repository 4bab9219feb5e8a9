import { describe, expect, it } from "vitest";
import { AgniValidationError, createAgniClient, type RequestOptions } from "../src/index.js";
import { API_KEY, everyRendering, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();
const numbers = { from_phone_number: "+14157774444", to_phone_number: "+12137774445" };

/** A client against a real server, and a way to count what reached it. */
async function setup() {
  const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
  let fetched = 0;
  const agni = createAgniClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    fetch: (request) => {
      fetched += 1;
      return fetch(request);
    },
  });
  return { agni, sent: () => fetched + server.requests.length };
}

async function expectRefused(promise: Promise<unknown>, sent: () => number) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AgniValidationError);
  expect(sent()).toBe(0);
  expect(everyRendering(error)).not.toContain(API_KEY);
  return error as AgniValidationError;
}

const fields = (error: AgniValidationError) => error.issues.map((issue) => issue.field);

describe("outbound call input", () => {
  it.each([
    ["no + sign", "14157774444"],
    ["spaces", "+1 415 777 4444"],
    ["dashes and parentheses", "(415) 777-4444"],
    ["a leading zero country code", "+04157774444"],
    ["too short", "+1"],
    ["too long (16 digits)", "+1234567890123456"],
    ["letters", "+1415CALLNOW"],
    ["an empty string", ""],
    ["a trailing newline", "+14157774444\n"],
  ])("refuses a to_phone_number with %s, sending nothing", async (_name, bad) => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createOutboundCall({ agent_id: "a", ...numbers, to_phone_number: bad }),
      sent,
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.field).toBe("to_phone_number");
    expect(error.issues[0]!.message).toContain("E.164");
    expect(error.message).toContain(
      "to_phone_number: must be an E.164 phone number such as +14157774444",
    );
  });

  it("accepts the shortest and longest E.164 numbers", async () => {
    const { agni, sent } = await setup();
    await agni.calls.createOutboundCall({
      agent_id: "a",
      from_phone_number: "+12",
      to_phone_number: "+123456789012345",
    });
    expect(sent()).toBe(2);
  });

  it("lists every problem at once: missing numbers, empty agent, bad metadata", async () => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createOutboundCall({ agent_id: "  ", metadata: [] } as never),
      sent,
    );
    expect(fields(error)).toEqual(["agent_id", "from_phone_number", "to_phone_number", "metadata"]);
    expect(error.issues[1]!.message).toContain("got nothing");
    expect(error.message.split("\n")).toHaveLength(5);
  });

  it.each([
    ["a number", 42],
    ["null", null],
    ["an empty string", ""],
    ["missing", undefined],
  ])("refuses agent_id given as %s", async (_name, agentId) => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createOutboundCall({ ...numbers, agent_id: agentId } as never),
      sent,
    );
    expect(fields(error)).toEqual(["agent_id"]);
    expect(error.issues[0]!.message).toContain("non-empty string");
  });
});

describe("web call input", () => {
  it("refuses phone numbers, type and unknown fields, suggesting snake_case", async () => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createWebCall({
        agentId: "a",
        type: "outbound_call",
        to_phone_number: "+12137774445",
        promptDynamicVariables: {},
        color: "blue",
      } as never),
      sent,
    );
    expect(error.issues).toEqual([
      { field: "agentId", message: "unknown field; did you mean agent_id?" },
      { field: "type", message: "is set by the helper; remove it" },
      {
        field: "to_phone_number",
        message: "a web call has no phone numbers; remove it",
      },
      {
        field: "promptDynamicVariables",
        message: "unknown field; did you mean prompt_dynamic_variables?",
      },
      { field: "color", message: "unknown field; remove it" },
      { field: "agent_id", message: "must be a non-empty string, got nothing" },
    ]);
  });

  it.each([null, undefined, "agent_1", ["agent_1"], 7])(
    "refuses %o as the parameters",
    async (params) => {
      const { agni, sent } = await setup();
      const error = await expectRefused(agni.calls.createWebCall(params as never), sent);
      expect(fields(error)).toEqual(["params"]);
    },
  );
});

describe("metadata and prompt_dynamic_variables", () => {
  class Customer {
    id = "c1";
  }
  const circular: Record<string, unknown> = { a: 1 };
  circular["self"] = circular;

  it.each([
    ["null", null, "metadata", "plain object"],
    ["an array", ["a"], "metadata", "plain object"],
    ["a string", "k=v", "metadata", "plain object"],
    ["a Map", new Map([["a", 1]]), "metadata", "plain object"],
    ["a class instance", new Customer(), "metadata", "plain object"],
    [
      "a Date value",
      { at: new Date(0) },
      "metadata.at",
      "a Date cannot be sent as JSON; use date.toISOString()",
    ],
    [
      "an undefined value",
      { a: undefined },
      "metadata.a",
      "undefined cannot be sent as JSON; omit the key or use null",
    ],
    ["a function value", { f: () => 1 }, "metadata.f", "a function cannot be sent"],
    ["a bigint value", { n: 10n }, "metadata.n", "a bigint cannot be sent"],
    ["a symbol value", { s: Symbol("s") }, "metadata.s", "a symbol cannot be sent"],
    [
      "NaN deep inside",
      { a: { b: [1, Number.NaN] } },
      "metadata.a.b[1]",
      "NaN cannot be sent as JSON",
    ],
    ["Infinity", { x: Infinity }, "metadata.x", "Infinity cannot be sent as JSON"],
    ["a cycle", circular, "metadata.self", "a circular reference cannot be sent as JSON"],
  ])("refuses metadata that is %s", async (_name, metadata, field, message) => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createWebCall({ agent_id: "a", metadata } as never),
      sent,
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.field).toBe(field);
    expect(error.issues[0]!.message).toContain(message);
  });

  it("checks prompt_dynamic_variables the same way", async () => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createOutboundCall({
        agent_id: "a",
        ...numbers,
        prompt_dynamic_variables: { name: "Ada", when: new Date(0) },
      }),
      sent,
    );
    expect(fields(error)).toEqual(["prompt_dynamic_variables.when"]);
  });

  it("accepts null-prototype objects, nested JSON and explicit undefined for the whole field", async () => {
    const { agni, sent } = await setup();
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: "v" });
    await agni.calls.createWebCall({
      agent_id: "a",
      metadata: bare,
      prompt_dynamic_variables: undefined,
    });
    expect(sent()).toBe(2);
  });
});

describe("per-request options", () => {
  it.each([
    ["a zero timeout", { timeoutMs: 0 }, "options.timeoutMs"],
    ["a negative timeout", { timeoutMs: -5 }, "options.timeoutMs"],
    ["a string timeout", { timeoutMs: "1000" }, "options.timeoutMs"],
    ["a non-signal", { signal: { aborted: false } }, "options.signal"],
    ["non-string header values", { headers: { "X-N": 1 } }, "options.headers.X-N"],
    ["a header value with a line break", { headers: { "X-T": "a\nb" } }, "options.headers.X-T"],
    ["an empty idempotencyKey", { idempotencyKey: "" }, "options.idempotencyKey"],
    ["an idempotencyKey with a space", { idempotencyKey: "a b" }, "options.idempotencyKey"],
  ])("refuses %s", async (_name, options, field) => {
    const { agni, sent } = await setup();
    const error = await expectRefused(
      agni.calls.createWebCall({ agent_id: "a" }, options as unknown as RequestOptions),
      sent,
    );
    expect(fields(error)).toEqual([field]);
  });
});
