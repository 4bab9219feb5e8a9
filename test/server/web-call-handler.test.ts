import { describe, expect, it } from "vitest";
import { AgniValidationError } from "../../src/index.js";
import { createWebCallHandler, type WebCallHandlerOptions } from "../../src/server/index.js";
import { API_KEY } from "../helpers/fixtures.js";
import { endlessBody, issueFieldsOf, useMockUpstream } from "../helpers/upstream.js";

const upstream = useMockUpstream();
const URL_ = "http://app.example/api/web-call";

function handler(options: Partial<WebCallHandlerOptions> = {}) {
  return createWebCallHandler({
    client: upstream.client(),
    agentIds: ["agent_default", "agent_other"],
    ...options,
  });
}

const post = (body?: BodyInit, init: RequestInit = {}) =>
  new Request(URL_, { method: "POST", body, ...init });

/** Status, `{ success: false, message }` body, and nothing sent upstream. */
async function expectRefusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = await response.json();
  expect(body).toEqual({ success: false, message: expect.any(String) });
  expect(upstream.server.mock.calls).toHaveLength(0);
  return body as { message: string };
}

describe("createWebCallHandler: a call", () => {
  it("answers exactly { access_token, url, session_id, room_id }, not to be cached", async () => {
    const response = await handler()(post());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["access_token", "room_id", "session_id", "url"]);
    expect(body.room_id).toBe(`call_${body.session_id}`);
    const [sent] = upstream.server.mock.calls;
    expect(sent?.headers["x-api-key"]).toBe(API_KEY);
    expect(sent?.body).toEqual({
      type: "web_call",
      agent_id: "agent_default",
      from_phone_number: "",
      to_phone_number: "",
    });
  });

  it("starts another allowed agent, with metadata and variables computed on the server", async () => {
    const response = await handler({
      metadata: (request) => ({ user: request.headers.get("x-user") }),
      promptDynamicVariables: async () => ({ customer_name: "Ada" }),
    })(post(JSON.stringify({ agent_id: "agent_other" }), { headers: { "x-user": "u1" } }));
    expect(response.status).toBe(200);
    expect(upstream.server.mock.calls[0]?.body).toMatchObject({
      agent_id: "agent_other",
      metadata: { user: "u1" },
      prompt_dynamic_variables: { customer_name: "Ada" },
    });
  });

  it("takes an empty object as the default agent; authorize true lets it through", async () => {
    const response = await handler({ authorize: () => true })(post("{}"));
    expect(response.status).toBe(200);
    expect(upstream.server.mock.calls[0]?.body).toMatchObject({ agent_id: "agent_default" });
  });

  it("sends authorize's own Response as it is", async () => {
    const own = new Response("slow down", { status: 429, headers: { "retry-after": "7" } });
    const response = await handler({ authorize: async () => own })(post());
    expect(response).toBe(own);
    expect(upstream.server.mock.calls).toHaveLength(0);
  });
});

describe("createWebCallHandler: refusals, with nothing sent upstream", () => {
  it.each(["GET", "PUT", "DELETE", "PATCH"])("%s → 405 with Allow: POST", async (method) => {
    const response = await handler()(new Request(URL_, { method }));
    expect(response.headers.get("allow")).toBe("POST");
    await expectRefusal(response, 405);
  });

  it("authorize false → 401", async () => {
    await expectRefusal(await handler({ authorize: async () => false })(post()), 401);
  });

  it("authorize returning anything but true or a Response → 401", async () => {
    const odd = (() => "yes") as unknown as () => boolean;
    await expectRefusal(await handler({ authorize: odd })(post()), 401);
  });

  it.each([
    ["not JSON", "agent_id=agent_default"],
    ["truncated JSON", '{"agent_id":'],
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d])],
    ["an array", '["agent_default"]'],
    ["null", "null"],
    ["a string", '"agent_default"'],
    ["another field", '{"agent_id":"agent_default","metadata":{"admin":true}}'],
    ["only another field", '{"type":"outbound_call"}'],
    ["a non-string agent_id", '{"agent_id":7}'],
  ])("a body that is %s → 400", async (_, body) => {
    await expectRefusal(await handler()(post(body)), 400);
  });

  it("an agent not in agentIds → 403", async () => {
    const body = JSON.stringify({ agent_id: "agent_secret" });
    await expectRefusal(await handler()(post(body)), 403);
  });

  it("a body over maxBodyBytes → 413", async () => {
    const body = JSON.stringify({ agent_id: "x".repeat(200) });
    await expectRefusal(await handler({ maxBodyBytes: 100 })(post(body)), 413);
  });

  it("a body over the default 16 KiB → 413", async () => {
    const body = JSON.stringify({ agent_id: "x".repeat(16 * 1024) });
    await expectRefusal(await handler()(post(body)), 413);
  });

  it("an endless body → 413, having read no more than the limit and a chunk", async () => {
    const { stream, pulled } = endlessBody();
    const request = post(stream, { duplex: "half" } as RequestInit);
    await expectRefusal(await handler({ maxBodyBytes: 10_000 })(request), 413);
    expect(pulled.bytes).toBeLessThan(10_000 + 3 * 4096);
  });

  it("a Content-Length over the limit → 413 without reading the body", async () => {
    const { stream, pulled } = endlessBody();
    const request = post(stream, {
      duplex: "half",
      headers: { "content-length": "1000000" },
    } as RequestInit);
    await expectRefusal(await handler()(request), 413);
    // A stream pulls ahead once when made; nothing beyond that was read.
    expect(pulled.bytes).toBeLessThanOrEqual(4096);
  });
});

describe("createWebCallHandler: when Agni fails", () => {
  it("an error status → 502, never upstream's text or the key", async () => {
    upstream.server.mock.enqueue({
      status: 500,
      body: `<html>Traceback (most recent call last): key=${API_KEY}</html>`,
    });
    const response = await handler()(post());
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ success: false, message: expect.any(String) });
    expect(text).not.toMatch(/Traceback|html|agni_sk/);
    expect(upstream.server.mock.calls).toHaveLength(1);
  });

  it("Agni refusing the server's key → 502", async () => {
    upstream.server.mock.enqueue({ status: 401, body: { success: false, message: "bad key" } });
    const response = await handler()(post());
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain("bad key");
  });

  it("an answer without access_token → 502", async () => {
    upstream.server.mock.enqueue({ status: 200, body: { success: true, session_id: "s" } });
    expect((await handler()(post())).status).toBe(502);
  });

  it("a dropped connection → 502", async () => {
    upstream.server.mock.enqueue({ networkError: true });
    expect((await handler()(post())).status).toBe(502);
  });

  it("no answer within the client's timeoutMs → 504", async () => {
    upstream.server.mock.enqueue({ delayMs: 10_000 });
    const response = await handler({ client: upstream.client({ timeoutMs: 300 }) })(post());
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ success: false, message: expect.any(String) });
  });

  it("rethrows what the callbacks throw, and bad values they return, for the framework", async () => {
    const boom = new Error("session store down");
    await expect(handler({ authorize: () => Promise.reject(boom) })(post())).rejects.toBe(boom);
    const bad = handler({ metadata: () => ({ at: new Date() }) });
    await expect(bad(post())).rejects.toBeInstanceOf(AgniValidationError);
    expect(upstream.server.mock.calls).toHaveLength(0);
  });
});

describe("createWebCallHandler: options", () => {
  it.each([
    [{ agentIds: [] }, "agentIds"],
    [{ agentIds: [""] }, "agentIds"],
    [{ client: {} }, "client"],
    [{ maxBodyBytes: 0 }, "maxBodyBytes"],
    [{ metadata: { a: 1 } }, "metadata"],
    [{ authorize: true }, "authorize"],
  ])("refuses %o", (bad, field) => {
    expect(issueFieldsOf(() => handler(bad as Partial<WebCallHandlerOptions>))).toEqual([field]);
  });
});
