/**
 * The key never shows, however it was given: the client's `apiKey`, an `X-Api-Key` among the
 * client's `headers` (with `apiKey: null`), or one on the request itself (per tenant). Against a
 * server that echoes the key it receives everywhere it can (body, message, code, a request-id
 * header, a redirect Location), nothing the client shows carries it: errors in every rendering,
 * their fields, and every log line.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import {
  AgniAuthenticationError,
  AgniConnectionError,
  AgniValidationError,
  AgniRedirectError,
  createAgniClient,
  type AgniClientOptions,
  type RequestOptions,
} from "../src/index.js";
import { everyRendering, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson, type ReceivedRequest } from "./helpers/test-server.js";

const KEY = "agni_sk_live_keymodes_91b7e3";
const startServer = useTestServer();

interface Mode {
  name: string;
  client: AgniClientOptions;
  request: RequestOptions;
}

const MODES: Mode[] = [
  { name: "the client's apiKey", client: { apiKey: KEY }, request: {} },
  {
    name: "the client's headers",
    client: { apiKey: null, headers: { "X-Api-Key": KEY } },
    request: {},
  },
  {
    name: "the request's headers",
    client: { apiKey: null },
    request: { headers: { "x-api-key": KEY } },
  },
];

const keyOf = (req: ReceivedRequest) => String(req.headers["x-api-key"]);
const echo401 = (req: ReceivedRequest, res: ServerResponse) =>
  sendJson(
    res,
    401,
    {
      success: false,
      message: `invalid key ${keyOf(req)}`,
      code: keyOf(req),
      [keyOf(req)]: keyOf(req),
    },
    { "x-request-id": `req-${keyOf(req)}` },
  );

function capture() {
  const lines: string[] = [];
  const write = (...args: unknown[]) => lines.push(JSON.stringify(args));
  return { lines, logger: { debug: write, info: write, warn: write, error: write } };
}

const outbound = {
  agent_id: "a",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
};

/** A client in `mode` against `baseUrl`, logging every level into `lines`. */
function loggedClient(mode: Mode, baseUrl: string) {
  const { lines, logger } = capture();
  const agni = createAgniClient({ ...mode.client, baseUrl, logger, logLevel: "debug" });
  return { agni, lines };
}

describe.each(MODES)("a key given in $name", (mode) => {
  it("is sent, and redacted from an API error echoing it everywhere", async () => {
    const server = await startServer(echo401);
    const { agni, lines } = loggedClient(mode, server.url);

    const error = (await rejectionOf(
      agni.calls.createOutboundCall(outbound, mode.request),
    )) as AgniAuthenticationError;

    expect(keyOf(server.requests[0]!)).toBe(KEY);
    expect(error).toBeInstanceOf(AgniAuthenticationError);
    expect(error.message).toBe("invalid key ***");
    expect(error.code).toBe("***");
    expect(error.requestId).toBe("req-***");
    expect(everyRendering(error)).not.toContain(KEY);
    expect(JSON.stringify([error.body, error.headers])).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("is redacted from a redirect's location and message, and never sent to the other origin", async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const server = await startServer((req, res) => {
      res.writeHead(307, {
        location: `${other.url}/steal?k=${keyOf(req)}`,
        "x-request-id": keyOf(req),
      });
      res.end();
    });
    const { agni, lines } = loggedClient(mode, server.url);

    const error = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }, mode.request),
    )) as AgniRedirectError;

    expect(error).toBeInstanceOf(AgniRedirectError);
    expect(error.location).toBe(`${other.url}/steal?k=***`);
    expect(everyRendering(error)).not.toContain(KEY);
    expect(lines.join("\n")).not.toContain(KEY);
    expect(other.requests).toHaveLength(0);
  });

  it("is redacted from the debug lines of a success that echoes it in its request id", async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 200, CREATED, { "x-request-id": `id-${keyOf(req)}` }),
    );
    const { agni, lines } = loggedClient(mode, server.url);

    await agni.calls.createWebCall({ agent_id: "a" }, mode.request);

    expect(lines.join("\n")).toContain("id-***");
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("is redacted from errors of agni.raw", async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const server = await startServer((req, res) => {
      res.writeHead(308, { location: `${other.url}/x?k=${keyOf(req)}` });
      res.end();
    });
    const agni = createAgniClient({ ...mode.client, baseUrl: server.url });

    const error = await rejectionOf(
      agni.raw.POST("/api/v1/calling/create-call", {
        body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
        headers: mode.request.headers,
      }),
    );

    expect(error).toBeInstanceOf(AgniRedirectError);
    expect(everyRendering(error)).not.toContain(KEY);
    expect(keyOf(server.requests[0]!)).toBe(KEY);
  });

  it("is never sent to another host named per request on agni.raw", async () => {
    const api = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const other = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ ...mode.client, baseUrl: api.url });

    await agni.raw.POST("/api/v1/calling/create-call", {
      baseUrl: other.url.replace("127.0.0.1", "localhost"),
      body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
      headers: mode.request.headers,
    });

    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.headers["x-api-key"]).toBeUndefined();
  });

  it("is redacted from a network error's cause, even when the fetch put it there", async () => {
    const agni = createAgniClient({
      ...mode.client,
      baseUrl: "https://api.example.com",
      maxRetries: 0,
      fetch: async (request) => {
        const sent = request.headers.get("x-api-key");
        throw new TypeError(`fetch failed for key ${sent}`, {
          cause: Object.assign(new Error(`socket hang up (${sent})`), {
            code: "ECONNRESET",
            key: sent,
          }),
        });
      },
    });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }, mode.request));

    expect(error).toBeInstanceOf(AgniConnectionError);
    const cause = (error as Error).cause as Error;
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.message).toBe("fetch failed for key ***");
    expect((cause.cause as { code: string }).code).toBe("ECONNRESET");
    expect(everyRendering(error)).not.toContain(KEY);
    expect(everyRendering(cause)).not.toContain(KEY);
  });

  it("is redacted before a long message or value is cut, leaving no part of it", async () => {
    const near = (at: number) => `${"m".repeat(at)}${KEY}${"m".repeat(50)}`;
    for (const [status, body] of [
      [200, { success: false, message: near(190) }],
      [200, `<p>${near(190)}</p>`],
      [400, { message: near(190) }],
    ] as const) {
      const server = await startServer((_req, res) => {
        if (typeof body !== "string") return sendJson(res, status, body);
        res.writeHead(status, { "content-type": "text/html" });
        res.end(body);
      });
      const agni = createAgniClient({ ...mode.client, baseUrl: server.url });
      const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }, mode.request));
      expect(everyRendering(error)).not.toContain(KEY.slice(0, 8));
    }
    const agni = createAgniClient({ ...mode.client, baseUrl: "https://api.example.com" });
    const error = await rejectionOf(
      agni.calls.createOutboundCall(
        { agent_id: "a", from_phone_number: `+1${KEY}`, to_phone_number: near(30) },
        mode.request,
      ),
    );
    expect(error).toBeInstanceOf(AgniValidationError);
    expect(everyRendering(error)).not.toContain(KEY.slice(0, 8));
  });
});

describe("a key given per request, beside the client's own", () => {
  it("wins over the client's apiKey, and both are redacted", async () => {
    const own = "agni_sk_live_tenant_7_c3d4";
    const server = await startServer((req, res) =>
      sendJson(res, 401, { message: `bad ${keyOf(req)} / ${KEY}` }),
    );
    const agni = createAgniClient({ apiKey: KEY, baseUrl: server.url });

    const error = await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }, { headers: { "X-Api-Key": own } }),
    );

    expect(keyOf(server.requests[0]!)).toBe(own);
    expect((error as Error).message).toBe("bad *** / ***");
  });

  it("may not be set twice on the client: apiKey and an X-Api-Key header", () => {
    const error = (() => {
      try {
        createAgniClient({ apiKey: KEY, headers: { "x-api-key": "other_key_123" } });
      } catch (caught) {
        return caught as AgniValidationError;
      }
      throw new Error("expected createAgniClient to throw");
    })();
    expect(error).toBeInstanceOf(AgniValidationError);
    expect(error.issues.map((i) => i.field)).toEqual(["headers.X-Api-Key"]);
    expect(everyRendering(error)).not.toContain(KEY);
  });

  it("redacts both: the one sent and the one configured", async () => {
    const own = "agni_sk_live_tenant_2_55aa";
    const server = await startServer((req, res) =>
      sendJson(res, 400, { message: `got ${keyOf(req)}; also knew ${own} and ${KEY}` }),
    );
    const agni = createAgniClient({
      apiKey: null,
      headers: { "X-Api-Key": KEY },
      baseUrl: server.url,
    });

    const error = await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }, { headers: { "X-Api-Key": own } }),
    );

    expect(keyOf(server.requests[0]!)).toBe(own);
    expect((error as Error).message).toBe("got ***; also knew *** and ***");
  });
});
