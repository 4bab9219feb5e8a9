import { describe, expect, it } from "vitest";
import { AgniAPIError, createAgniClient, VERSION } from "../src/index.js";
import { API_KEY, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();
const PATH = "/api/v1/calling/create-call";

describe("request on the wire", () => {
  it("createWebCall sends type web_call, empty phone numbers and every required header", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const result = await agni.calls.createWebCall({
      agent_id: "agent_1",
      metadata: { customer_id: "c-9", nested: { tier: "gold", tags: ["a", 1, null] } },
      prompt_dynamic_variables: { customer_name: "Ada" },
    });

    expect(result).toEqual(CREATED);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe(PATH);
    expect(request!.headers["x-api-key"]).toBe(API_KEY);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["accept"]).toBe("application/json");
    expect(request!.headers["x-agni-client"]).toBe(`agni-client/${VERSION}`);
    expect(request!.body).toBe(
      JSON.stringify({
        type: "web_call",
        agent_id: "agent_1",
        from_phone_number: "",
        to_phone_number: "",
        metadata: { customer_id: "c-9", nested: { tier: "gold", tags: ["a", 1, null] } },
        prompt_dynamic_variables: { customer_name: "Ada" },
      }),
    );
  });

  it("createOutboundCall sends type outbound_call with both numbers", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: `${server.url}/` });

    await agni.calls.createOutboundCall({
      agent_id: "agent_1",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
    });

    const [request] = server.requests;
    expect(request!.path).toBe(PATH);
    expect(request!.headers["x-api-key"]).toBe(API_KEY);
    expect(JSON.parse(request!.body)).toStrictEqual({
      type: "outbound_call",
      agent_id: "agent_1",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
    });
  });

  it("adds client-level and per-request headers", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      headers: { "X-Team": "voice" },
    });

    await agni.calls.createWebCall({ agent_id: "a" }, { headers: { "X-Trace": "t-1" } });

    expect(server.requests[0]!.headers["x-team"]).toBe("voice");
    expect(server.requests[0]!.headers["x-trace"]).toBe("t-1");
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });
});

describe("response shapes", () => {
  it("returns the documented flat body as it is", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    await expect(agni.calls.createWebCall({ agent_id: "a" })).resolves.toStrictEqual(CREATED);
  });

  it("flattens the { success, message, data } envelope", async () => {
    const { success, message, ...data } = CREATED;
    const server = await startServer((_req, res) => sendJson(res, 201, { success, message, data }));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const web = await agni.calls.createWebCall({ agent_id: "a" });
    const out = await agni.calls.createOutboundCall({
      agent_id: "a",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
    });

    expect(web).toStrictEqual(CREATED);
    expect(out).toStrictEqual(CREATED);
  });

  it("treats a 2xx with success: false as an error carrying its message and code", async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 200, { success: false, message: "agent is paused", code: "CONFLICT" }),
    );
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));

    expect(error).toBeInstanceOf(AgniAPIError);
    expect(error).toMatchObject({ status: 200, code: "CONFLICT", name: "AgniAPIError" });
    expect((error as Error).message).toContain("success: false");
    expect((error as Error).message).toContain("agent is paused");
  });

  it.each([
    [
      "an HTML page",
      "<html><body><h1>Welcome to nginx</h1></body></html>",
      "text/html",
      "Welcome to nginx",
    ],
    ["truncated JSON", '{"success": true, "session_', "application/json", '{"success": true'],
    ["an empty body", "", "application/json", "empty body"],
    ["a JSON array", "[1,2]", "application/json", "without a JSON object"],
  ])("treats a 2xx with %s as an error", async (_name, body, type, expected) => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));

    expect(error).toBeInstanceOf(AgniAPIError);
    expect((error as AgniAPIError).status).toBe(200);
    expect((error as Error).message).toContain(expected);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a web call answer without access_token or url, which the browser needs", async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 200, { success: true, session_id: "s-1" }),
    );
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));

    expect(error).toBeInstanceOf(AgniAPIError);
    expect((error as Error).message).toContain("without access_token and url");
    expect((error as AgniAPIError).body).toStrictEqual({ success: true, session_id: "s-1" });
  });

  it("accepts an outbound answer without a LiveKit token (the spec requires no field)", async () => {
    const answer = { success: true, message: "queued", session_id: "s-2", room_id: "call_s-2" };
    const server = await startServer((_req, res) => sendJson(res, 200, answer));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    await expect(
      agni.calls.createOutboundCall({
        agent_id: "a",
        from_phone_number: "+14157774444",
        to_phone_number: "+12137774445",
      }),
    ).resolves.toStrictEqual(answer);
  });
});
