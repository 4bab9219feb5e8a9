import { describe, expect, it } from "vitest";
import { AgniConnectionError, AgniTimeoutError, createAgniClient } from "../src/index.js";
import { API_KEY, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();

describe("timeouts", () => {
  it("rejects with AgniTimeoutError when headers do not arrive in time", async () => {
    const server = await startServer(() => undefined); // never answers
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 100 });

    const started = performance.now();
    const error = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }),
    )) as AgniTimeoutError;

    expect(error).toBeInstanceOf(AgniTimeoutError);
    expect(error.timeoutMs).toBe(100);
    expect(error.message).toContain("within 100 ms");
    expect(error.message).toContain("may still have processed");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  it("also covers a body that stalls after the headers", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success": true,'); // and never the rest
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 150 });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));

    expect(error).toBeInstanceOf(AgniTimeoutError);
  });

  it("takes a per-request timeoutMs over the client's", async () => {
    const server = await startServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, CREATED), 600);
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 60 });

    await expect(
      agni.calls.createWebCall({ agent_id: "a" }, { timeoutMs: 5_000 }),
    ).resolves.toMatchObject({ session_id: CREATED.session_id });
    const error = (await rejectionOf(
      createAgniClient({ apiKey: API_KEY, baseUrl: server.url }).calls.createWebCall(
        { agent_id: "a" },
        { timeoutMs: 50 },
      ),
    )) as AgniTimeoutError;
    expect(error).toBeInstanceOf(AgniTimeoutError);
    expect(error.timeoutMs).toBe(50);
  });

  it("holds even when a custom fetch ignores the abort signal", async () => {
    const agni = createAgniClient({
      apiKey: API_KEY,
      baseUrl: "https://api.ravan.ai",
      timeoutMs: 50,
      fetch: () => new Promise<Response>(() => undefined),
    });

    await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
      AgniTimeoutError,
    );
  });

  it("stops after a time-out even when a late answer from a signal-ignoring fetch redirects", async () => {
    let calls = 0;
    const agni = createAgniClient({
      apiKey: API_KEY,
      timeoutMs: 50,
      maxRetries: 0,
      fetch: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 150));
        return new Response(null, { status: 307, headers: { location: "/elsewhere" } });
      },
    });

    await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
      AgniTimeoutError,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
  });

  it("gives each request its own timer (no shared client-level signal)", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 300 });

    await agni.calls.createWebCall({ agent_id: "a" });
    // Wait past the limit: a timer shared by the client would have fired by now.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(agni.calls.createWebCall({ agent_id: "a" })).resolves.toMatchObject(CREATED);
  });
});

describe("abort", () => {
  it("rejects with the signal's reason when the caller aborts mid-request", async () => {
    const server = await startServer(() => undefined);
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error("user hung up");

    const pending = agni.calls.createWebCall({ agent_id: "a" }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);

    expect(await rejectionOf(pending)).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects with a DOMException AbortError for a plain abort()", async () => {
    const server = await startServer(() => undefined);
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const controller = new AbortController();

    const pending = agni.calls.createWebCall({ agent_id: "a" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);

    const error = await rejectionOf(pending);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe("AbortError");
  });

  it("rejects with the reason, sending nothing, when aborted right after the call starts", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error("cancelled");

    const pending = agni.calls.createOutboundCall(
      { agent_id: "a", from_phone_number: "+14157774444", to_phone_number: "+12137774445" },
      { signal: controller.signal },
    );
    controller.abort(reason);

    expect(await rejectionOf(pending)).toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const reason = new Error("too late");

    const error = await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }, { signal: AbortSignal.abort(reason) }),
    );

    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("races a caller's abort against the time-out: whichever fires first decides", async () => {
    const never = () => new Promise<Response>(() => undefined);
    const agni = createAgniClient({ apiKey: API_KEY, timeoutMs: 50, maxRetries: 0, fetch: never });
    const reason = new Error("caller gave up");

    // Timers of equal length fire in the order they were set.
    const first = new AbortController();
    const timeoutFirst = agni.calls.createWebCall({ agent_id: "a" }, { signal: first.signal });
    setTimeout(() => first.abort(reason), 50);
    expect(await rejectionOf(timeoutFirst)).toBeInstanceOf(AgniTimeoutError);

    const second = new AbortController();
    setTimeout(() => second.abort(reason), 50);
    const abortFirst = agni.calls.createWebCall({ agent_id: "a" }, { signal: second.signal });
    expect(await rejectionOf(abortFirst)).toBe(reason);
  });

  it("stops a retry's backoff when the caller aborts after a time-out", async () => {
    const server = await startServer(() => undefined);
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, timeoutMs: 100 });
    const controller = new AbortController();
    const reason = new Error("stop retrying");
    const pending = agni.calls.createOutboundCall(
      { agent_id: "a", from_phone_number: "+14157774444", to_phone_number: "+12137774445" },
      { signal: controller.signal, idempotencyKey: "k-1" },
    );
    // The first attempt times out at 100 ms; the backoff before the second is at least 375 ms.
    setTimeout(() => controller.abort(reason), 250);
    expect(await rejectionOf(pending)).toBe(reason);
    expect(server.requests.length).toBeLessThan(2);
  });
});

describe("custom fetch", () => {
  it("receives a Request carrying the key and the default headers", async () => {
    const seen: Request[] = [];
    const agni = createAgniClient({
      apiKey: API_KEY,
      fetch: async (request) => {
        seen.push(request);
        return Response.json(CREATED);
      },
    });

    await expect(agni.calls.createWebCall({ agent_id: "a" })).resolves.toStrictEqual(CREATED);

    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("https://api.ravan.ai/api/v1/calling/create-call");
    expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY);
    expect(seen[0]!.headers.get("accept")).toBe("application/json");
    expect(await seen[0]!.json()).toMatchObject({ type: "web_call", agent_id: "a" });
  });

  it("turns a custom fetch's own failure into AgniConnectionError with the cause", async () => {
    const failure = new TypeError("fetch failed");
    const agni = createAgniClient({
      apiKey: API_KEY,
      fetch: () => Promise.reject(failure),
    });

    const error = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }),
    )) as AgniConnectionError;

    expect(error).toBeInstanceOf(AgniConnectionError);
    expect(error.cause).toBe(failure);
  });
});

describe("the key goes to the API's origin only", () => {
  it("is not attached when a raw request is pointed at another origin", async () => {
    const api = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const other = await startServer((_req, res) => sendJson(res, 200, CREATED));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: api.url });
    const body = {
      type: "web_call" as const,
      agent_id: "a",
      from_phone_number: "",
      to_phone_number: "",
    };

    await agni.raw.POST("/api/v1/calling/create-call", { body, baseUrl: other.url });
    await agni.raw.POST("/api/v1/calling/create-call", { body });

    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.headers["x-api-key"]).toBeUndefined();
    expect(api.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });
});

describe("what a custom fetch sees and gives", () => {
  it("sees a TimeoutError DOMException as the signal's reason when an attempt times out", async () => {
    const reasons: unknown[] = [];
    const agni = createAgniClient({
      apiKey: API_KEY,
      timeoutMs: 50,
      maxRetries: 0,
      fetch: (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal.addEventListener("abort", () => {
            reasons.push(request.signal.reason);
            reject(request.signal.reason);
          }),
        ),
    });
    await expect(agni.calls.createWebCall({ agent_id: "a" })).rejects.toBeInstanceOf(
      AgniTimeoutError,
    );
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBeInstanceOf(DOMException);
    expect((reasons[0] as DOMException).name).toBe("TimeoutError");
  });

  it("gives agni.raw the answer a same-origin redirect led to, and a status 0 as it came", async () => {
    const agni = createAgniClient({
      apiKey: API_KEY,
      fetch: async (request) =>
        request.url.endsWith("/v2")
          ? Response.json(CREATED)
          : request.url.endsWith("/gone")
            ? Response.error()
            : new Response(null, { status: 307, headers: { location: "/api/v1/calling/v2" } }),
    });
    const body = {
      type: "web_call",
      agent_id: "a",
      from_phone_number: "",
      to_phone_number: "",
    } as const;
    const { data, response } = await agni.raw.POST("/api/v1/calling/create-call", { body });
    expect(response.status).toBe(200);
    expect(data).toEqual(CREATED);
    const gone = await agni.raw.request(
      "post",
      "/api/v1/calling/gone" as "/api/v1/calling/create-call",
      { body },
    );
    expect(gone.response.status).toBe(0);
    expect(gone.response.type).toBe("error");
  });
});
