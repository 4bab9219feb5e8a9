import { describe, expect, it, vi } from "vitest";
import {
  AgniValidationError,
  createAgniClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type AgniClientOptions,
} from "../src/index.js";
import { API_KEY, everyRendering, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();

function constructionError(options?: AgniClientOptions): AgniValidationError {
  try {
    createAgniClient(options);
  } catch (error) {
    expect(error).toBeInstanceOf(AgniValidationError);
    return error as AgniValidationError;
  }
  throw new Error("createAgniClient did not throw");
}

describe("options from the environment", () => {
  it("reads AGNI_API_KEY and AGNI_BASE_URL when no options are given", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    vi.stubEnv("AGNI_API_KEY", API_KEY);
    vi.stubEnv("AGNI_BASE_URL", server.url);

    await createAgniClient().calls.createWebCall({ agent_id: "a" });

    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("prefers explicit options over the environment", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    vi.stubEnv("AGNI_API_KEY", "from-env");
    vi.stubEnv("AGNI_BASE_URL", "http://127.0.0.1:9");

    await createAgniClient({ apiKey: API_KEY, baseUrl: server.url }).calls.createWebCall({
      agent_id: "a",
    });

    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("throws, naming both the option and the variable, when there is no key", () => {
    vi.stubEnv("AGNI_API_KEY", undefined);
    const error = constructionError();
    expect(error.issues).toEqual([
      { field: "apiKey", message: expect.stringContaining("AGNI_API_KEY") },
    ]);
    expect(error.message).toContain("`apiKey`");
    expect(error.message).toContain("AGNI_API_KEY environment variable");
    vi.stubEnv("AGNI_API_KEY", "");
    expect(constructionError().issues[0]!.field).toBe("apiKey");
    expect(constructionError({ apiKey: "" }).issues[0]!.field).toBe("apiKey");
  });

  it("defaults to the public API origin and a 60 s timeout", async () => {
    vi.stubEnv("AGNI_BASE_URL", undefined);
    const urls: string[] = [];
    const agni = createAgniClient({
      apiKey: API_KEY,
      fetch: async (request) => (urls.push(request.url), Response.json(CREATED)),
    });
    await agni.calls.createWebCall({ agent_id: "a" });
    expect(DEFAULT_BASE_URL).toBe("https://api.ravan.ai");
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
    expect(urls).toEqual(["https://api.ravan.ai/api/v1/calling/create-call"]);
  });
});

describe("baseUrl in any spelling", () => {
  it.each(["HTTPS://API.RAVAN.AI", "https://api.ravan.ai:443/", "https://api.ravan.ai\n"])(
    "%j still gets the key on the helpers' requests",
    async (baseUrl) => {
      const seen: Request[] = [];
      const agni = createAgniClient({
        apiKey: API_KEY,
        baseUrl,
        fetch: async (request) => (seen.push(request), Response.json(CREATED)),
      });
      await agni.calls.createWebCall({ agent_id: "a" });
      expect(seen[0]!.url).toBe("https://api.ravan.ai/api/v1/calling/create-call");
      expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY);
    },
  );
});

describe("apiKey: null", () => {
  it("sends a key the caller sets per request (one client, many tenants)", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: null, baseUrl: server.url });

    await agni.calls.createWebCall({ agent_id: "a" }, { headers: { "X-Api-Key": "tenant-key-1" } });

    expect(server.requests[0]!.headers["x-api-key"]).toBe("tenant-key-1");
  });

  it("redacts that per-request key from errors too", async () => {
    const tenantKey = "tenant_sk_9f8e7d6c5b4a";
    const server = await startServer((req, res) =>
      sendJson(res, 401, { success: false, message: `key ${req.headers["x-api-key"]} revoked` }),
    );
    const agni = createAgniClient({ apiKey: null, baseUrl: server.url });

    const error = await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }, { headers: { "x-api-key": tenantKey } }),
    );

    expect((error as Error).message).toBe("key *** revoked");
    expect(everyRendering(error)).not.toContain(tenantKey);
  });

  it("sends no X-Api-Key, for a proxy that adds it", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    vi.stubEnv("AGNI_API_KEY", "from-env");

    await createAgniClient({ apiKey: null, baseUrl: server.url }).calls.createWebCall({
      agent_id: "a",
    });

    expect(server.requests[0]!.headers["x-api-key"]).toBeUndefined();
  });
});

describe("bad options", () => {
  it("lists every problem at once", () => {
    const error = constructionError({
      apiKey: API_KEY,
      baseUrl: "api.ravan.ai",
      timeoutMs: -1,
      headers: { "X-N": 1 } as never,
      fetch: "fetch" as never,
    });
    expect(error.issues.map((i) => i.field)).toEqual([
      "baseUrl",
      "fetch",
      "headers.X-N",
      "timeoutMs",
    ]);
    expect(error.message).toContain("must be an absolute http(s) URL such as https://api.ravan.ai");
  });

  it.each([
    ["a space in a name", { "X Bad": "v" }, "headers.X Bad", "not a valid header name"],
    ["a line break in a value", { "X-Trace": "a\r\nX-Evil: 1" }, "headers.X-Trace", "line breaks"],
    ["a non-Latin-1 value", { "X-User": "日本" }, "headers.X-User", "non-Latin-1"],
    ["an empty Idempotency-Key", { "Idempotency-Key": " " }, "headers.Idempotency-Key", "empty"],
  ])("refuses headers with %s at construction", (_name, headers, field, message) => {
    const error = constructionError({ apiKey: API_KEY, headers });
    expect(error.issues).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it.each(["ftp://api.ravan.ai", "https://api.ravan.ai/?x=1", "not a url"])(
    "refuses baseUrl %s",
    (baseUrl) => {
      expect(constructionError({ apiKey: API_KEY, baseUrl }).issues[0]!.field).toBe("baseUrl");
    },
  );
});

describe("raw client", () => {
  it("is the typed openapi-fetch client with auth and headers applied", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const { data, error, response } = await agni.raw.POST("/api/v1/calling/create-call", {
      body: {
        type: "outbound_call",
        agent_id: "a",
        from_phone_number: "+14157774444",
        to_phone_number: "+12137774445",
      },
    });

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toStrictEqual(CREATED);
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
    expect(server.requests[0]!.headers["x-agni-client"]).toMatch(/^agni-client\/\d+\.\d+\.\d+/);
  });

  it("returns HTTP errors as { error } and keeps the typed network errors", async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 401, { success: false, message: "bad key" }),
    );
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 50 });
    const body = {
      type: "web_call" as const,
      agent_id: "a",
      from_phone_number: "",
      to_phone_number: "",
    };

    const { error, response } = await agni.raw.POST("/api/v1/calling/create-call", { body });
    expect(response.status).toBe(401);
    expect(error).toEqual({ success: false, message: "bad key" });

    const silent = await startServer(() => undefined);
    const slow = createAgniClient({ apiKey: API_KEY, baseUrl: silent.url, timeoutMs: 50 });
    const failure = await rejectionOf(slow.raw.POST("/api/v1/calling/create-call", { body }));
    expect((failure as Error).name).toBe("AgniTimeoutError");
  });

  it("downloads the body within the time limit and hands back the answer unread", async () => {
    const stalled = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success": true,'); // and never the rest
    });
    const slow = createAgniClient({ apiKey: API_KEY, baseUrl: stalled.url, timeoutMs: 100 });
    const failure = await rejectionOf(
      slow.raw.POST("/api/v1/calling/create-call", {
        body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
      }),
    );
    expect((failure as Error).name).toBe("AgniTimeoutError");

    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const { response } = await agni.raw.POST("/api/v1/calling/create-call", {
      body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
      parseAs: "stream",
    });
    expect(response.url).toBe(`${server.url}/api/v1/calling/create-call`);
    expect(JSON.parse(await response.text())).toStrictEqual(CREATED);
  });
});
