import { describe, expect, it } from "vitest";
import {
  AgniAPIError,
  AgniAuthenticationError,
  AgniConnectionError,
  AgniInternalServerError,
  AgniTimeoutError,
  AgniUnprocessableEntityError,
  createAgniClient,
} from "../../src/index.js";
import {
  createMockAgni,
  startMockAgniServer,
  type MockAgniServerOptions,
  type MockAgniServerRequest,
} from "../../src/testing/index.js";
import { API_KEY, rejectionOf } from "../helpers/fixtures.js";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PATH = "/api/v1/calling/create-call";
const outbound = {
  agent_id: "a",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
};
const post = (body: unknown, headers: Record<string, string> = { "x-api-key": API_KEY }) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("createMockAgni as a fetch", () => {
  it("answers a web call with realistic values and records the request", async () => {
    const mock = createMockAgni();
    const agni = createAgniClient({ apiKey: API_KEY, fetch: mock });
    const before = Date.now();

    const call = await agni.calls.createWebCall({ agent_id: "a", metadata: { k: 1 } });

    expect(call.success).toBe(true);
    expect(call.session_id).toMatch(UUID_V7);
    const millis = Number.parseInt(call.session_id!.replace(/-/g, "").slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
    expect(call.room_id).toBe(`call_${call.session_id}`);
    expect(call.url).toMatch(/^wss:\/\//);
    const [header, claims, signature] = call.access_token.split(".");
    expect(JSON.parse(atob(header!))).toEqual({ alg: "HS256", typ: "JWT" });
    expect(JSON.parse(atob(claims!.replace(/-/g, "+").replace(/_/g, "/")))).toMatchObject({
      video: { room: call.room_id, roomJoin: true },
    });
    expect(signature!.length).toBeGreaterThan(20);
    expect(mock.calls).toEqual([
      {
        method: "POST",
        path: PATH,
        headers: expect.objectContaining({
          "x-api-key": API_KEY,
          "content-type": "application/json",
        }),
        body: {
          type: "web_call",
          agent_id: "a",
          from_phone_number: "",
          to_phone_number: "",
          metadata: { k: 1 },
        },
      },
    ]);
  });

  it("gives every call a new session id", async () => {
    const agni = createAgniClient({ apiKey: API_KEY, fetch: createMockAgni() });
    const ids = new Set<string | undefined>();
    for (let i = 0; i < 50; i++)
      ids.add((await agni.calls.createOutboundCall(outbound)).session_id);
    expect(ids.size).toBe(50);
  });

  it("answers 401 without X-Api-Key, or with a key other than the one configured", async () => {
    const mock = createMockAgni({ apiKey: "right" });
    const missing = await mock(`https://x${PATH}`, post({}, {}));
    const wrong = await mock(`https://x${PATH}`, post({}, { "x-api-key": "wrong" }));
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ success: false, code: "UNAUTHORIZED" });
    const agni = createAgniClient({ apiKey: "wrong", fetch: mock });
    await expect(agni.calls.createOutboundCall(outbound)).rejects.toBeInstanceOf(
      AgniAuthenticationError,
    );
  });

  it("answers 422 listing every problem with the body", async () => {
    const response = await createMockAgni()(
      `https://x${PATH}`,
      post({ type: "sms", agent_id: 5, metadata: [] }),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.code).toBe("INVALID_REQUEST");
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual([
      "agent_id",
      "from_phone_number",
      "to_phone_number",
      "type",
      "metadata",
    ]);
  });

  it("answers 422 to a body that is not JSON, 404 to other paths, 405 to other methods", async () => {
    const mock = createMockAgni();
    expect((await mock(`https://x${PATH}`, post("{oops"))).status).toBe(422);
    expect((await mock("https://x/api/v1/agents/", post({}))).status).toBe(404);
    expect((await mock(`https://x${PATH}`, { headers: { "x-api-key": "k" } })).status).toBe(405);
    expect(mock.calls.map((c) => c.body)).toEqual(["{oops", {}, undefined]);
  });

  it("can answer in the { success, message, data } envelope", async () => {
    const mock = createMockAgni({ responseShape: "envelope" });
    const raw = await (
      await mock(`https://x${PATH}`, post({ ...outbound, type: "outbound_call" }))
    ).json();
    expect(Object.keys(raw)).toEqual(["success", "message", "data"]);
    const call = await createAgniClient({ apiKey: API_KEY, fetch: mock }).calls.createOutboundCall(
      outbound,
    );
    expect(call.session_id).toMatch(UUID_V7);
  });
});

describe("scripted answers", () => {
  it("plays queued answers in order, then resumes the default behaviour", async () => {
    const mock = createMockAgni().enqueue(
      { status: 503, body: "<html>down</html>", headers: { "content-type": "text/html" } },
      { status: 422, body: { success: false, message: "agent not found", code: "NOT_FOUND" } },
    );
    const agni = createAgniClient({ apiKey: API_KEY, fetch: mock });

    await expect(agni.calls.createOutboundCall(outbound)).rejects.toBeInstanceOf(
      AgniInternalServerError,
    );
    await expect(agni.calls.createOutboundCall(outbound)).rejects.toThrow("agent not found");
    await expect(agni.calls.createOutboundCall(outbound)).resolves.toMatchObject({ success: true });
    expect(mock.calls).toHaveLength(3);
  });

  it("fails at the network level on request", async () => {
    const custom = new Error("ECONNRESET");
    const mock = createMockAgni().enqueue({ networkError: true }, { networkError: custom });
    const agni = createAgniClient({ apiKey: API_KEY, fetch: mock });

    const first = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }),
    )) as AgniConnectionError;
    const second = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }),
    )) as AgniConnectionError;

    expect(first).toBeInstanceOf(AgniConnectionError);
    expect((first.cause as Error).message).toBe("fetch failed");
    expect(second.cause).toBe(custom);
  });

  it("delays an answer, which the client's timeout and the caller's abort both cut short", async () => {
    const mock = createMockAgni().enqueue(
      { delayMs: 10_000 },
      { delayMs: 10_000 },
      { delayMs: 30 },
    );
    const agni = createAgniClient({ apiKey: API_KEY, fetch: mock, timeoutMs: 50 });

    await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
      AgniTimeoutError,
    );
    const controller = new AbortController();
    const reason = new Error("stop");
    setTimeout(() => controller.abort(reason), 30);
    await expect(
      agni.calls.createWebCall({ agent_id: "a" }, { signal: controller.signal, timeoutMs: 5_000 }),
    ).rejects.toBe(reason);
    expect(mock.calls).toHaveLength(2);
    const delayed = await mock(`https://x${PATH}`, post({}));
    expect(delayed.status).toBe(200);
  });

  it("answers a scripted 204, 205 or 304 with no body, even when one was scripted", async () => {
    const mock = createMockAgni();
    const agni = createAgniClient({ apiKey: API_KEY, fetch: mock, maxRetries: 0 });
    for (const status of [204, 205, 304]) {
      mock.enqueue({ status, body: {}, headers: { "x-request-id": `r-${status}` } });
      const { response } = await agni.raw.POST("/api/v1/calling/create-call", {
        body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
      });
      expect(response.status).toBe(status);
      expect(response.headers.get("x-request-id")).toBe(`r-${status}`);
      expect(await response.text()).toBe("");
    }
    mock.enqueue({ status: 204, body: "ignored" });
    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));
    expect(error).toBeInstanceOf(AgniAPIError);
    expect((error as AgniAPIError).status).toBe(204);
  });

  it("reset() forgets calls and the script", async () => {
    const mock = createMockAgni().enqueue({ status: 500 });
    await mock(`https://x${PATH}`, post({}));
    mock.enqueue({ status: 500 });
    mock.reset();
    expect(mock.calls).toHaveLength(0);
    const response = await mock(`https://x${PATH}`, post({ ...outbound, type: "outbound_call" }));
    expect(response.status).toBe(200);
  });
});

/** A mock server whose `onRequest` reports land in `seen`. */
async function startRecordingServer(options: MockAgniServerOptions = {}) {
  const seen: MockAgniServerRequest[] = [];
  const server = await startMockAgniServer({
    ...options,
    onRequest: (request) => seen.push(request),
  });
  return { server, seen };
}

describe("startMockAgniServer", () => {
  it("serves the mock over real HTTP on 127.0.0.1", async () => {
    const server = await startMockAgniServer({ apiKey: API_KEY });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
      const call = await agni.calls.createOutboundCall(outbound);
      expect(call.session_id).toMatch(UUID_V7);
      expect(server.mock.calls[0]).toMatchObject({
        method: "POST",
        path: PATH,
        body: { type: "outbound_call" },
      });
      await expect(
        createAgniClient({ apiKey: "other", baseUrl: server.url }).calls.createWebCall({
          agent_id: "a",
        }),
      ).rejects.toBeInstanceOf(AgniAuthenticationError);
      await expect(
        agni.calls.createWebCall({ agent_id: "a", metadata: { ok: true } }),
      ).resolves.toMatchObject({ success: true });
    } finally {
      await server.close();
    }
  });

  it("turns a scripted network failure into a dropped connection", async () => {
    const server = await startMockAgniServer();
    try {
      server.mock.enqueue({ networkError: true }, { status: 422, body: { message: "no" } });
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
      await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
        AgniConnectionError,
      );
      await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
        AgniUnprocessableEntityError,
      );
    } finally {
      await server.close();
    }
  });

  it("reports each request to onRequest: method, path, status, duration; 0 when dropped", async () => {
    const { server, seen } = await startRecordingServer();
    try {
      server.mock.enqueue({ networkError: true });
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
      await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
        AgniConnectionError,
      );
      await agni.calls.createWebCall({ agent_id: "a" });
      await fetch(`${server.url}/nowhere?x=1`).then((response) => response.arrayBuffer());
      await expect.poll(() => seen.length).toBe(3);
      expect(seen).toEqual([
        { method: "POST", path: PATH, status: 0, durationMs: expect.any(Number) },
        { method: "POST", path: PATH, status: 200, durationMs: expect.any(Number) },
        { method: "GET", path: "/nowhere?x=1", status: 404, durationMs: expect.any(Number) },
      ]);
    } finally {
      await server.close();
    }
  });

  it("waits latencyMs before each answer", async () => {
    const { server, seen } = await startRecordingServer({ latencyMs: 300 });
    try {
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
      const started = performance.now();
      await agni.calls.createWebCall({ agent_id: "a" });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]!.durationMs).toBeGreaterThanOrEqual(290);
    } finally {
      await server.close();
    }
  });

  it("close() drops a request still waiting out its latency", async () => {
    const { server, seen } = await startRecordingServer({ latencyMs: 30_000 });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
    const pending = rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));
    await new Promise((resolve) => setTimeout(resolve, 500)); // for the request to arrive
    const closing = performance.now();
    await server.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    expect(await pending).toMatchObject({ name: "AgniConnectionError", safeToRetry: false });
    await expect
      .poll(() => seen)
      .toEqual([{ method: "POST", path: PATH, status: 0, durationMs: expect.any(Number) }]);
    expect(server.mock.calls).toHaveLength(0);
  });
});
