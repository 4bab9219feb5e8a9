import { beforeEach, describe, expect, it } from "vitest";
import {
  createAgniProxy,
  type AgniProxyOptions,
  type AllowedRequest,
} from "../../src/server/index.js";
import { API_KEY, useTestServer } from "../helpers/fixtures.js";
import { CREATED, sendJson, type TestServer } from "../helpers/test-server.js";
import { endlessBody, issueFieldsOf, keyedClient } from "../helpers/upstream.js";

const ALLOW: AllowedRequest[] = [
  {
    method: "POST",
    path: "/api/v1/calling/create-call",
    body: { type: ["web_call"], agent_id: ["agent_123", "agent_456"] },
  },
  { method: "GET", path: "/api/v1/calling/call-sessions-detail/{id}" },
  { method: "DELETE", path: "/api/v1/calling/call-sessions-detail/{id}" },
  { method: "GET", path: "/api/v1/calling/call-sessions" },
  { method: "GET", path: "/api/v1/recordings/{id}" },
  { method: "PATCH", path: "/api/v1/agents/{id}" },
];
const ORIGIN = "http://app.example";
const WEB_CALL = {
  type: "web_call",
  agent_id: "agent_123",
  from_phone_number: "",
  to_phone_number: "",
};
const BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

const startServer = useTestServer();
let upstream: TestServer;
beforeEach(async () => {
  upstream = await startServer((req, res) => {
    if (req.path.startsWith("/api/v1/recordings/")) {
      res.writeHead(200, { "content-type": "audio/mpeg", "set-cookie": "s=1" });
      return void res.end(BYTES);
    }
    if (req.path.startsWith("/api/v1/calling/call-sessions-detail/echo")) {
      return sendJson(
        res,
        401,
        { message: `bad key ${req.headers["x-api-key"]}` },
        {
          "x-request-id": `req-${req.headers["x-api-key"]}`,
        },
      );
    }
    if (req.path.startsWith("/api/v1/calling/call-sessions-detail/missing")) {
      return sendJson(res, 404, { success: false, message: "no such session", code: "NOT_FOUND" });
    }
    if (req.path.startsWith("/api/v1/calling/call-sessions-detail/slow")) return; // never answers
    if (req.path.startsWith("/api/v1/calling/call-sessions-detail/drop")) {
      return void res.socket?.destroy();
    }
    sendJson(res, 200, req.method === "POST" ? CREATED : { success: true, data: {} }, {
      "set-cookie": "session=upstream; HttpOnly",
      "x-request-id": "req-1",
      "retry-after": "3",
      server: "agni/1.0",
      "x-powered-by": "Express",
      "access-control-allow-origin": "*",
      "strict-transport-security": "max-age=1",
      link: "</internal>; rel=preload",
    });
  });
});

function proxy(options: Partial<AgniProxyOptions> = {}) {
  return createAgniProxy({
    client: keyedClient(upstream.url),
    basePath: "/api/agni",
    allow: ALLOW,
    ...options,
  });
}

const request = (path: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}/api/agni${path}`, init);
const postJson = (path: string, body: unknown, init: RequestInit = {}) =>
  request(path, { method: "POST", body: JSON.stringify(body), ...init });

/** Status, `{ success: false, message }` body, and nothing forwarded. */
async function expectRefusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ success: false, message: expect.any(String) });
  expect(upstream.requests).toHaveLength(0);
}

describe("createAgniProxy: forwarding", () => {
  it("sends an allowed create-call with the server's key and answers with upstream's status and JSON", async () => {
    const response = await proxy()(postJson("/api/v1/calling/create-call", WEB_CALL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(CREATED);
    expect(upstream.requests).toHaveLength(1);
    const [sent] = upstream.requests;
    expect(sent).toMatchObject({ method: "POST", path: "/api/v1/calling/create-call" });
    expect(sent?.headers["x-api-key"]).toBe(API_KEY);
    expect(JSON.parse(sent!.body)).toEqual(WEB_CALL);
  });

  it("forwards a {param} path, re-encoded, with the query string as given", async () => {
    const query = "?page=2&search=a%20b&odd=%2F..%2F&&flag&x=%E2%9C%93";
    const response = await proxy()(
      request(`/api/v1/calling/call-sessions-detail/se%73sion%201${query}`),
    );
    expect(response.status).toBe(200);
    expect(upstream.requests.map((r) => r.path)).toEqual([
      `/api/v1/calling/call-sessions-detail/session%201${query}`,
    ]);
  });

  it("forwards the JSON it checked: a duplicate key cannot smuggle another value past the rules", async () => {
    const body =
      '{"type":"outbound_call","type":"web_call","agent_id":"agent_123","from_phone_number":"","to_phone_number":""}';
    const response = await proxy()(
      request("/api/v1/calling/create-call", { method: "POST", body }),
    );
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.body).not.toContain("outbound_call");
  });

  it("passes fields the rules do not list unchecked", async () => {
    const body = { ...WEB_CALL, metadata: { anything: [1, 2] } };
    expect((await proxy()(postJson("/api/v1/calling/create-call", body))).status).toBe(200);
    expect(JSON.parse(upstream.requests[0]!.body)).toEqual(body);
  });

  it("accepts a path upstream added before the types were regenerated; PATCH and DELETE work", async () => {
    const patched = await proxy()(
      request("/api/v1/agents/a1", { method: "PATCH", body: '{"x":1}' }),
    );
    const deleted = await proxy()(
      request("/api/v1/calling/call-sessions-detail/s1", { method: "DELETE" }),
    );
    expect([patched.status, deleted.status]).toEqual([200, 200]);
    expect(upstream.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
      'PATCH /api/v1/agents/a1 {"x":1}',
      "DELETE /api/v1/calling/call-sessions-detail/s1 ",
    ]);
  });

  it("passes a body that is not JSON through with its content type, bytes intact", async () => {
    const response = await proxy()(request("/api/v1/recordings/r1"));
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("passes upstream's error status and JSON body through", async () => {
    const response = await proxy()(request("/api/v1/calling/call-sessions-detail/missing"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      success: false,
      message: "no such session",
      code: "NOT_FOUND",
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it("redacts the key should upstream echo it, in the body and in headers", async () => {
    const response = await proxy()(request("/api/v1/calling/call-sessions-detail/echo"));
    const text = await response.text();
    expect(text).toBe('{"message":"bad key ***"}');
    expect(response.headers.get("x-request-id")).toBe("req-***");
  });

  it("answers 502 when the connection drops and 504 on the client's time-out", async () => {
    const dropped = await proxy()(request("/api/v1/calling/call-sessions-detail/drop"));
    expect(dropped.status).toBe(502);
    const slow = proxy({ client: keyedClient(upstream.url, { timeoutMs: 300 }) });
    const timedOut = await slow(request("/api/v1/calling/call-sessions-detail/slow"));
    expect(timedOut.status).toBe(504);
    expect(await timedOut.json()).toEqual({ success: false, message: expect.any(String) });
  });
});

describe("createAgniProxy: headers", () => {
  it("forwards none of the visitor's credentials, forwarding or hop-by-hop headers", async () => {
    const visitor = {
      "x-api-key": "agni_sk_visitor_guess",
      cookie: "session=visitor",
      authorization: "Bearer visitor",
      "proxy-authorization": "Basic eA==",
      forwarded: "for=1.2.3.4",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
      "x-real-ip": "1.2.3.4",
      connection: "keep-alive, accept-language",
      "keep-alive": "timeout=5",
      te: "trailers",
      upgrade: "websocket",
      "idempotency-key": "k1",
      "x-agni-client": "agni-client/9.9.9",
      "accept-language": "de",
      accept: "application/json",
    };
    await proxy()(request("/api/v1/calling/call-sessions", { headers: visitor }));
    const seen = upstream.requests[0]!.headers;
    expect(seen["x-api-key"]).toBe(API_KEY);
    expect(seen["x-agni-client"]).toMatch(/^agni-client\/\d+\.\d+\.\d+$/);
    expect(seen["x-agni-client"]).not.toBe("agni-client/9.9.9");
    for (const name of Object.keys(visitor).filter(
      (n) => !["accept", "accept-language", "x-api-key", "x-agni-client", "connection"].includes(n),
    )) {
      expect(seen, name).not.toHaveProperty(name);
    }
    expect(JSON.stringify(seen)).not.toMatch(/visitor|1\.2\.3\.4|evil/);
    // Named in Connection, so hop-by-hop (Node's fetch puts in its own `*`).
    expect(seen["accept-language"]).not.toBe("de");
  });

  it("forwards Accept-Language otherwise", async () => {
    await proxy()(
      request("/api/v1/calling/call-sessions", { headers: { "accept-language": "de" } }),
    );
    expect(upstream.requests[0]?.headers["accept-language"]).toBe("de");
  });

  it("returns only the safe headers, never Set-Cookie, and no CORS headers by default", async () => {
    const response = await proxy()(
      request("/api/v1/calling/call-sessions", { headers: { origin: "https://evil.example" } }),
    );
    expect([...response.headers.keys()].sort()).toEqual([
      "cache-control",
      "content-type",
      "retry-after",
      "x-request-id",
    ]);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers CORS only for the origins listed in the cors option", async () => {
    const cors = { origins: ["https://app.example"] };
    const listed = await proxy({ cors })(
      request("/api/v1/calling/call-sessions", { headers: { origin: "https://app.example" } }),
    );
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(listed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const other = await proxy({ cors })(
      request("/api/v1/calling/call-sessions", { headers: { origin: "https://evil.example" } }),
    );
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toBe("Origin");
    const preflight = await proxy({ cors })(
      request("/api/v1/calling/create-call", {
        method: "OPTIONS",
        headers: {
          origin: "https://app.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, x-agni-client",
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "content-type, x-agni-client",
    );
    expect(upstream.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });
});

describe("createAgniProxy: refusals, with nothing forwarded", () => {
  it.each([
    ["outside basePath", "http://app.example/api/other/api/v1/calling/call-sessions"],
    [
      "a prefix of basePath's last segment",
      "http://app.example/api/agnix/api/v1/calling/call-sessions",
    ],
    ["basePath itself", "http://app.example/api/agni"],
    ["a dot segment resolving outside basePath", "http://app.example/api/agni/%2e%2e/%2E%2e/admin"],
    ["a path on no entry", "http://app.example/api/agni/api/v1/agents"],
    ["a case variant of an entry", "http://app.example/api/agni/API/v1/calling/call-sessions"],
    ["an extra segment", "http://app.example/api/agni/api/v1/calling/call-sessions/x"],
    ["a missing {param}", "http://app.example/api/agni/api/v1/calling/call-sessions-detail"],
  ])("%s → 404", async (_, url) => {
    await expectRefusal(await proxy()(new Request(url)), 404);
  });

  it.each([
    ["%2F", "/api/v1/calling/call-sessions-detail/a%2Fb"],
    ["%2f", "/api/v1/calling%2fcall-sessions"],
    ["%5C", "/api/v1/calling/call-sessions-detail/a%5Cb"],
    ["%5c", "/api/v1/calling/call-sessions-detail/..%5c..%5cagents"],
    ["a double slash", "/api/v1//calling/call-sessions"],
    ["a leading double slash", "//api/v1/calling/call-sessions"],
    ["a trailing slash", "/api/v1/calling/call-sessions/"],
    [
      "a dot segment with an encoded slash",
      "/api/v1/calling/call-sessions-detail/..%2F..%2Fagents",
    ],
    ["a double-encoded dot segment", "/api/v1/calling/call-sessions-detail/%252e%252e"],
    ["a double-encoded slash", "/api/v1/calling/call-sessions-detail/a%252Fb"],
    ["a dots-only segment", "/api/v1/calling/call-sessions-detail/..."],
    ["a malformed escape", "/api/v1/calling/call-sessions-detail/%E2%28"],
    ["an encoded control character", "/api/v1/calling/call-sessions-detail/a%00b"],
  ])("a path with %s → 400", async (_, path) => {
    await expectRefusal(await proxy()(request(path)), 400);
  });

  it.each([
    ["GET", "/api/v1/calling/create-call", "POST"],
    ["PUT", "/api/v1/calling/call-sessions-detail/s1", "GET, DELETE"],
    ["HEAD", "/api/v1/calling/call-sessions", "GET"],
    ["OPTIONS", "/api/v1/calling/create-call", "POST"],
  ])("%s on %s → 405, Allow: %s", async (method, path, allow) => {
    const response = await proxy()(request(path, { method }));
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.status).toBe(405);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ["an outbound call", { ...WEB_CALL, type: "outbound_call", to_phone_number: "+12137774445" }],
    ["an agent not listed", { ...WEB_CALL, agent_id: "agent_999" }],
    ["a listed field missing", { agent_id: "agent_123" }],
    ["a listed field as an object", { ...WEB_CALL, type: { $eq: "web_call" } }],
    ["a listed field as a list", { ...WEB_CALL, type: ["web_call"] }],
    ["a body that is an array", [WEB_CALL]],
    ["a JSON null body", null],
  ])("a body value not allowed (%s) → 403", async (_, body) => {
    await expectRefusal(await proxy()(postJson("/api/v1/calling/create-call", body)), 403);
  });

  it("no body where the rules need fields → 403", async () => {
    await expectRefusal(
      await proxy()(request("/api/v1/calling/create-call", { method: "POST" })),
      403,
    );
  });

  it.each([
    ["not JSON", "type=web_call"],
    ["truncated", '{"type":"web_call"'],
    ["not UTF-8", new Uint8Array([0x22, 0xc3, 0x28, 0x22])],
  ])("a body that is %s → 400", async (_, body) => {
    const response = await proxy()(
      request("/api/v1/calling/create-call", { method: "POST", body }),
    );
    await expectRefusal(response, 400);
  });

  it("a body over maxBodyBytes → 413; an endless one is not read to its end", async () => {
    const big = { ...WEB_CALL, metadata: { pad: "x".repeat(16 * 1024) } };
    await expectRefusal(await proxy()(postJson("/api/v1/calling/create-call", big)), 413);
    const { stream, pulled } = endlessBody();
    const endless = request("/api/v1/calling/create-call", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectRefusal(await proxy({ maxBodyBytes: 1_000 })(endless), 413);
    expect(pulled.bytes).toBeLessThan(1_000 + 3 * 4096);
  });

  it("authorize false → 401; its own Response is sent as it is", async () => {
    await expectRefusal(
      await proxy({ authorize: () => false })(request("/api/v1/calling/call-sessions")),
      401,
    );
    const own = new Response("no", { status: 403 });
    expect(
      await proxy({ authorize: async () => own })(request("/api/v1/calling/call-sessions")),
    ).toBe(own);
    expect(upstream.requests).toHaveLength(0);
  });

  it("checks the path before authorize, and authorize before reading the body", async () => {
    const seen: string[] = [];
    const authorize = (r: Request) => (seen.push(new URL(r.url).pathname), r.bodyUsed === false);
    const guarded = proxy({ authorize });
    await guarded(request("/api/v1/agents"));
    const ok = await guarded(postJson("/api/v1/calling/create-call", WEB_CALL));
    expect(ok.status).toBe(200);
    expect(seen).toEqual(["/api/agni/api/v1/calling/create-call"]);
  });
});

describe("createAgniProxy: options", () => {
  it.each([
    [{ basePath: "api/agni" }, "basePath"],
    [{ basePath: "/api//agni" }, "basePath"],
    [{ basePath: "/api/../agni" }, "basePath"],
    [{ allow: [] }, "allow"],
    [{ allow: [{ method: "TRACE", path: "/a" }] }, "allow[0].method"],
    [{ allow: [{ method: "GET", path: "a" }] }, "allow[0].path"],
    [{ allow: [{ method: "GET", path: "/a/" }] }, "allow[0].path"],
    [{ allow: [{ method: "GET", path: "/a/x{id}" }] }, "allow[0].path"],
    [{ allow: [{ method: "GET", path: "/a/../b" }] }, "allow[0].path"],
    [{ allow: [{ method: "GET", path: "/a%2Fb" }] }, "allow[0].path"],
    [{ allow: [{ method: "POST", path: "/a", body: { type: "web_call" } }] }, "allow[0].body"],
    [{ cors: { origins: ["https://app.example/"] } }, "cors"],
    [{ maxBodyBytes: 1.5 }, "maxBodyBytes"],
  ])("refuses %o", (bad, field) => {
    expect(issueFieldsOf(() => proxy(bad as Partial<AgniProxyOptions>))).toEqual([field]);
  });

  it("accepts a trailing slash on basePath, and the root", async () => {
    const trailing = await proxy({ basePath: "/api/agni/" })(
      request("/api/v1/calling/call-sessions"),
    );
    const root = await proxy({ basePath: "/" })(
      new Request(`${ORIGIN}/api/v1/calling/call-sessions`),
    );
    expect([trailing.status, root.status]).toEqual([200, 200]);
  });
});
