/**
 * Fault suite: a fault-injecting node:http server on 127.0.0.1 counts the create-call requests
 * it receives. For each fault: the error class, its safeToRetry and attempts, how many requests
 * the server saw (never 2 for one create-call, unless 429, refused, or an idempotencyKey), no
 * unhandled rejection, and an end within a bound.
 */
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AgniAPIError,
  AgniConnectionError,
  AgniError,
  AgniInternalServerError,
  AgniRateLimitError,
  AgniRedirectError,
  AgniTimeoutError,
  createAgniClient,
  type AgniClientOptions,
  type RequestOptions,
} from "../src/index.js";
import { API_KEY, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson, type ReceivedRequest } from "./helpers/test-server.js";

const startServer = useTestServer();
const outbound = {
  agent_id: "agent_1",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Node reports unhandled rejections as it drains the microtask queue, before the next
  // macrotask: two turns of the event loop let any stray one surface, however slow the machine.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
});

type Fault = (req: ReceivedRequest, res: ServerResponse, n: number) => void;

/** A server whose n-th request (from 1) gets `fault(req, res, n)`, and a client against it. */
async function faulty(fault: Fault, options: AgniClientOptions = {}) {
  let n = 0;
  const server = await startServer((req, res) => fault(req, res, ++n));
  const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, ...options });
  return { server, agni };
}

const html = (status: number) => `<html><body><h1>${status}</h1>nginx</body></html>`;
const sendHtml = (res: ServerResponse, status: number) => {
  res.writeHead(status, { "content-type": "text/html" });
  res.end(html(status));
};

/** Settles one create-call; returns its result or error, and how long it took. */
async function timed<T>(promise: Promise<T>) {
  const started = performance.now();
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    outcome = error;
  }
  return { outcome, ms: performance.now() - started };
}

interface Expectation {
  error: abstract new (...args: never[]) => AgniError;
  safeToRetry: boolean;
  attempts: number;
  seen: number;
  withinMs: number;
}

async function expectFault(
  fault: Fault,
  expected: Expectation,
  options: AgniClientOptions = {},
  requestOptions?: RequestOptions,
) {
  const { server, agni } = await faulty(fault, options);
  const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound, requestOptions));
  expect(outcome).toBeInstanceOf(expected.error);
  const error = outcome as AgniError;
  expect(error.safeToRetry).toBe(expected.safeToRetry);
  expect(error.attempts).toBe(expected.attempts);
  expect(server.requests).toHaveLength(expected.seen);
  expect(ms).toBeLessThan(expected.withinMs);
  return { error, server };
}

describe("create-call faults that must not be retried (the call may exist)", () => {
  it("reset before the answer", async () => {
    await expectFault((_req, res) => res.socket?.destroy(), {
      error: AgniConnectionError,
      safeToRetry: false,
      attempts: 1,
      seen: 1,
      withinMs: 3_000,
    });
  });

  it("reset in the middle of the body", async () => {
    await expectFault(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
        res.write('{"success": true, "session_id": "019e');
        setTimeout(() => res.socket?.destroy(), 20);
      },
      { error: AgniConnectionError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 3_000 },
    );
  });

  it("slow headers past the time limit", async () => {
    const { error } = await expectFault(
      (_req, res) => setTimeout(() => sendJson(res, 200, CREATED), 2_000),
      { error: AgniTimeoutError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 1_500 },
      { timeoutMs: 200 },
    );
    expect((error as AgniTimeoutError).timeoutMs).toBe(200);
  });

  it("a body that stalls after the headers", async () => {
    await expectFault(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"success": true,');
      },
      { error: AgniTimeoutError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 1_500 },
      { timeoutMs: 200 },
    );
  });

  it.each([500, 502, 503, 504])("%i with an HTML page", async (status) => {
    const { error } = await expectFault((_req, res) => sendHtml(res, status), {
      error: AgniInternalServerError,
      safeToRetry: false,
      attempts: 1,
      seen: 1,
      withinMs: 3_000,
    });
    expect((error as AgniAPIError).status).toBe(status);
  });

  it.each([
    ["200 with a body that is not JSON", "<html>ok</html>"],
    ["200 with truncated JSON", '{"success": true, "session_id": "019e'],
  ])("%s", async (_name, body) => {
    await expectFault(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      },
      { error: AgniAPIError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 3_000 },
    );
  });

  it("200 with success: false (the server declined: safe to retry, not retried)", async () => {
    await expectFault(
      (_req, res) => sendJson(res, 200, { success: false, message: "agent busy" }),
      { error: AgniAPIError, safeToRetry: true, attempts: 1, seen: 1, withinMs: 3_000 },
    );
  });

  it("a very large error page still gives a short message", async () => {
    const { error } = await expectFault(
      (_req, res) => {
        res.writeHead(502, { "content-type": "text/html" });
        res.end(`<html>${"x".repeat(8 * 1024 * 1024)}</html>`);
      },
      { error: AgniInternalServerError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 5_000 },
    );
    expect(error.message.length).toBeLessThan(300);
  });
});

describe("faults where the server certainly did not act: retried", () => {
  it("connection refused: retried with backoff, then AgniConnectionError", async () => {
    const server = await startServer(() => undefined);
    const url = server.url;
    await server.close();
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: url });

    const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound));

    expect(outcome).toBeInstanceOf(AgniConnectionError);
    const error = outcome as AgniConnectionError;
    expect(error.safeToRetry).toBe(true);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain("after 3 attempts");
    expect(ms).toBeGreaterThan(1_000); // 0.5 s and 1 s backoff, less up to 25% jitter
    expect(ms).toBeLessThan(5_000);
  });

  it("429 with Retry-After in seconds, then success", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, { success: false, message: "slow down" }, { "retry-after": "1" })
        : sendJson(res, 200, CREATED),
    );
    const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound));
    expect(outcome).toStrictEqual(CREATED);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3_000);
  });

  it("429 with Retry-After as an HTTP date, then success", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, {}, { "retry-after": new Date(Date.now() + 3_000).toUTCString() })
        : sendJson(res, 200, CREATED),
    );
    const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound));
    expect(outcome).toStrictEqual(CREATED);
    expect(server.requests).toHaveLength(2);
    // 2 to 3 s (the date has whole-second precision); the backoff it replaces is under 0.5 s.
    expect(ms).toBeGreaterThanOrEqual(1_500);
    expect(ms).toBeLessThan(4_500);
  });

  it("429 with retry-after-ms, then success", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, {}, { "retry-after-ms": "80", "retry-after": "30" })
        : sendJson(res, 200, CREATED),
    );
    const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound));
    expect(outcome).toStrictEqual(CREATED);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(1_000);
  });

  it("429 every time: AgniRateLimitError after maxRetries + 1 attempts", async () => {
    const { error } = await expectFault(
      (_req, res) => sendJson(res, 429, { message: "slow down" }, { "retry-after": "0" }),
      { error: AgniRateLimitError, safeToRetry: true, attempts: 4, seen: 4, withinMs: 2_000 },
      { maxRetries: 3 },
    );
    expect(error.message).toBe("slow down (after 4 attempts)");
  });

  it("429 asking for longer than the cap fails at once with the wait asked for", async () => {
    const { error } = await expectFault(
      (_req, res) => sendJson(res, 429, { message: "quota" }, { "retry-after": "3600" }),
      { error: AgniRateLimitError, safeToRetry: true, attempts: 1, seen: 1, withinMs: 1_000 },
    );
    expect((error as AgniRateLimitError).retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain("asks to wait 3600 s, over the client's 60 s limit");
  });

  it("per-request maxRetries: 0 turns retries off", async () => {
    await expectFault(
      (_req, res) => sendJson(res, 429, {}, { "retry-after": "0" }),
      { error: AgniRateLimitError, safeToRetry: true, attempts: 1, seen: 1, withinMs: 1_000 },
      {},
      { maxRetries: 0 },
    );
  });
});

describe("an idempotencyKey opts create-call into the idempotent rules", () => {
  it.each([
    ["503 with HTML", (res: ServerResponse) => sendHtml(res, 503)],
    ["a reset before the answer", (res: ServerResponse) => res.socket?.destroy()],
    ["slow headers", (res: ServerResponse) => setTimeout(() => sendJson(res, 200, CREATED), 2_000)],
  ])("retries %s with the same Idempotency-Key", async (_name, fault) => {
    const { server, agni } = await faulty(
      (_req, res, n) => (n === 1 ? fault(res) : sendJson(res, 200, CREATED)),
      { timeoutMs: 300 },
    );
    const { outcome } = await timed(
      agni.calls.createOutboundCall(outbound, { idempotencyKey: "call-42" }),
    );
    expect(outcome).toStrictEqual(CREATED);
    expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "call-42",
      "call-42",
    ]);
    expect(server.requests[0]!.body).toBe(server.requests[1]!.body);
  });

  it("reports safeToRetry false when an earlier attempt may have taken effect", async () => {
    const { error } = await expectFault(
      (_req, res, n) => {
        if (n === 1)
          setTimeout(() => sendJson(res, 200, CREATED), 2_000); // times out
        else if (n === 2) sendHtml(res, 503);
        else sendJson(res, 429, { message: "quota" }, { "retry-after": "3600" });
      },
      { error: AgniRateLimitError, safeToRetry: false, attempts: 3, seen: 3, withinMs: 4_000 },
      { timeoutMs: 200 },
      { idempotencyKey: "call-44" },
    );
    expect(error.message).toContain("after 3 attempts");
  });

  it.each([301, 302, 303, 307, 308])(
    "a %i without a Location is a refused redirect, never re-sent",
    async (status) => {
      const { error } = await expectFault(
        (_req, res) => {
          res.writeHead(status);
          res.end();
        },
        {
          error: AgniRedirectError,
          // A 303 answers a processed POST; 301/302 may too. A 307/308 asks for it elsewhere.
          safeToRetry: status === 307 || status === 308,
          attempts: 1,
          seen: 1,
          withinMs: 3_000,
        },
      );
      expect(error.message).toContain(`was redirected (${status}) without a Location header`);
    },
  );

  it("does not re-send the POST on a 303, even with an idempotencyKey", async () => {
    await expectFault(
      (_req, res) => {
        res.writeHead(303, { location: "/api/v1/calls/123" });
        res.end();
      },
      { error: AgniRedirectError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 3_000 },
      {},
      { idempotencyKey: "call-45" },
    );
  });

  it("re-sends on a 500 as on 502-504, with the same key, and surfaces the last", async () => {
    const { server } = await expectFault(
      (_req, res) => sendHtml(res, 500),
      { error: AgniInternalServerError, safeToRetry: false, attempts: 3, seen: 3, withinMs: 8_000 },
      {},
      { idempotencyKey: "call-43" },
    );
    expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "call-43",
      "call-43",
      "call-43",
    ]);
  });

  it("returns the call when a 500 is followed by a success", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n === 1 ? sendHtml(res, 500) : sendJson(res, 200, CREATED),
    );
    const call = await agni.calls.createOutboundCall(outbound, { idempotencyKey: "call-46" });
    expect(call.session_id).toBe(CREATED.session_id);
    expect(server.requests).toHaveLength(2);
  });
});

describe("redirects never carry the key to another origin", () => {
  it.each([307, 308])("%i to another origin is an error naming the location", async (status) => {
    const other = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const location = `${other.url}/api/v1/calling/create-call`;
    const { error, server } = await expectFault(
      (_req, res) => {
        res.writeHead(status, { location });
        res.end();
      },
      { error: AgniRedirectError, safeToRetry: true, attempts: 1, seen: 1, withinMs: 3_000 },
    );
    expect((error as AgniRedirectError).location).toBe(location);
    expect(error.message).toContain(location);
    expect(error.message).toContain("another origin");
    expect(other.requests).toHaveLength(0);
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("a same-origin 307 is followed with method, body and key", async () => {
    const { server, agni } = await faulty((req, res) => {
      if (req.path === "/api/v1/calling/create-call") {
        res.writeHead(307, { location: "/v2/create-call" });
        res.end();
      } else sendJson(res, 200, CREATED);
    });
    const { outcome } = await timed(agni.calls.createOutboundCall(outbound));
    expect(outcome).toStrictEqual(CREATED);
    expect(server.requests.map((r) => [r.method, r.path, r.headers["x-api-key"]])).toEqual([
      ["POST", "/api/v1/calling/create-call", API_KEY],
      ["POST", "/v2/create-call", API_KEY],
    ]);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
  });

  it.each([301, 302, 303])(
    "a same-origin %i for a POST is not turned into a GET",
    async (status) => {
      await expectFault(
        (_req, res) => {
          res.writeHead(status, { location: "/elsewhere" });
          res.end();
        },
        { error: AgniRedirectError, safeToRetry: false, attempts: 1, seen: 1, withinMs: 3_000 },
      );
    },
  );
});

describe("large answers", () => {
  it("reads a very large 200 body within the time limit", async () => {
    const padding = "x".repeat(16 * 1024 * 1024);
    const { server, agni } = await faulty((_req, res) =>
      sendJson(res, 200, { ...CREATED, padding }),
    );
    const { outcome, ms } = await timed(agni.calls.createOutboundCall(outbound));
    expect((outcome as typeof CREATED).session_id).toBe(CREATED.session_id);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(5_000);
  });
});

describe("retries through agni.raw", () => {
  const body = {
    type: "web_call" as const,
    agent_id: "a",
    from_phone_number: "",
    to_phone_number: "",
  };

  it("retries a 429 and returns the final answer", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n === 1 ? sendJson(res, 429, {}, { "retry-after": "0" }) : sendJson(res, 200, CREATED),
    );
    const { data, response } = await agni.raw.POST("/api/v1/calling/create-call", { body });
    expect(response.status).toBe(200);
    expect(data).toStrictEqual(CREATED);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a 503 for a POST, but does with an Idempotency-Key header", async () => {
    const { server, agni } = await faulty((_req, res, n) =>
      n <= 2 ? sendHtml(res, 503) : sendJson(res, 200, CREATED),
    );
    const plain = await agni.raw.POST("/api/v1/calling/create-call", { body });
    expect(plain.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);

    const keyed = await agni.raw.POST("/api/v1/calling/create-call", {
      body,
      headers: { "Idempotency-Key": "k-1" },
    });
    expect(keyed.response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });
});

describe("idempotent methods through agni.raw are re-sent on 5xx, POST is not", () => {
  const cases = [
    ["GET", "/api/v1/calling/call-sessions"],
    ["PUT", "/api/v1/agents/a1"],
    ["DELETE", "/api/v1/agents/a1"],
    ["HEAD", "/api/v1/agents/a1"],
    ["OPTIONS", "/api/v1/agents/a1"],
  ] as const;

  it.each(cases)(
    "%s is sent again after a 500, and returns the answer that came",
    async (method, path) => {
      const { server, agni } = await faulty((_req, res, n) =>
        n === 1 ? sendHtml(res, 500) : sendJson(res, 200, { ok: true }),
      );
      const { response } = await agni.raw.request(
        method.toLowerCase() as "get",
        path as never,
        {
          parseAs: "text",
        } as never,
      );
      expect(response.status).toBe(200);
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `${method} ${path}`,
        `${method} ${path}`,
      ]);
      expect(server.requests[0]!.body).toBe("");
    },
  );

  it("POST without a key is not: the 500 comes back after one request", async () => {
    const { server, agni } = await faulty((_req, res) => sendHtml(res, 500));
    const { response } = await agni.raw.POST("/api/v1/calling/create-call", {
      body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
      parseAs: "text",
    });
    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });
});
