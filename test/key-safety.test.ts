import { describe, expect, it, vi } from "vitest";
import {
  AgniValidationError,
  createAgniClient,
  type AgniClientOptions,
  type RequestOptions,
} from "../src/index.js";
import { resolveClientOptions } from "../src/config/resolve.js";
import { isBrowser } from "../src/config/runtime.js";
import { API_KEY, everyRendering, useTestServer } from "./helpers/fixtures.js";
import { CREATED, sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();

function refusal(options: AgniClientOptions, globals?: object): AgniValidationError {
  try {
    resolveClientOptions(options, globals);
  } catch (error) {
    expect(error).toBeInstanceOf(AgniValidationError);
    return error as AgniValidationError;
  }
  throw new Error("the options were accepted");
}

describe("API keys a header cannot carry are refused at construction", () => {
  it.each([
    ["a trailing newline", `${API_KEY}\n`, API_KEY.length],
    ["CR LF inside", `${API_KEY.slice(0, 10)}\r\nX-Evil: 1`, 10],
    ["a leading space", ` ${API_KEY}`, 0],
    ["a tab", `${API_KEY}\t`, API_KEY.length],
    ["a non-ASCII character", `${API_KEY}é`, API_KEY.length],
  ])("with %s, without echoing the key", (_name, apiKey, position) => {
    const error = refusal({ apiKey });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.field).toBe("apiKey");
    expect(error.message).toContain(`at position ${position}`);
    expect(everyRendering(error)).not.toContain(API_KEY);
  });
});

describe("plain http", () => {
  it.each(["http://api.ravan.ai", "http://10.0.0.5:8080", "http://example.test"])(
    "refuses %s, which would send the key unencrypted",
    (baseUrl) => {
      const error = refusal({ apiKey: API_KEY, baseUrl });
      expect(error.issues[0]).toMatchObject({ field: "baseUrl" });
      expect(error.message).toContain("allowInsecureHttp: true");
    },
  );

  it.each([
    "http://127.0.0.1:8080",
    "http://localhost:3000",
    "http://[::1]:9000",
    "http://127.5.6.7",
  ])("accepts loopback %s", (baseUrl) => {
    expect(resolveClientOptions({ apiKey: API_KEY, baseUrl }).baseUrl).toBe(baseUrl);
  });

  it("accepts any http host with allowInsecureHttp: true, and warns once", () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    createAgniClient({
      apiKey: API_KEY,
      baseUrl: "http://agni.internal",
      allowInsecureHttp: true,
      logger,
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toContain("travels unencrypted");
  });
});

describe("the browser guard", () => {
  const page = {
    window: {},
    document: {},
    navigator: { userAgent: "Mozilla/5.0 Chrome/156" },
    location: { href: "https://app.example.com/calls/new" },
  };
  const browserWorker = { WorkerGlobalScope: function () {}, importScripts: () => undefined };

  it("tells a browser page and worker from server runtimes that look alike", () => {
    expect(isBrowser(page)).toBe(true);
    expect(isBrowser(browserWorker)).toBe(true);
    expect(isBrowser(globalThis)).toBe(false); // Node, here
    expect(isBrowser({ ...page, process: { versions: { node: "20.20.2" } } })).toBe(false); // jsdom
    expect(isBrowser({ ...page, Deno: {} })).toBe(false);
    expect(isBrowser({ ...page, Bun: {} })).toBe(false);
    expect(isBrowser({ navigator: { userAgent: "Cloudflare-Workers" }, ...browserWorker })).toBe(
      false,
    );
    expect(isBrowser({ EdgeRuntime: "edge-runtime", ...browserWorker })).toBe(false);
    // workerd with an old compatibility date has no navigator, but has WebSocketPair
    expect(isBrowser({ ...browserWorker, WebSocketPair: function () {} })).toBe(false);
  });

  it("refuses an API key in a browser, explaining the server-mints-the-call pattern", () => {
    const error = refusal({ apiKey: API_KEY }, page);
    expect(error.issues.map((i) => i.field)).toEqual(["apiKey"]);
    expect(error.message).toContain("create calls on your server");
    expect(error.message).toContain("access_token and url");
    expect(error.message).toContain("dangerouslyAllowBrowser: true");
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it("accepts the key with dangerouslyAllowBrowser: true", () => {
    const resolved = resolveClientOptions({ apiKey: API_KEY, dangerouslyAllowBrowser: true }, page);
    expect(resolved.apiKey).toBe(API_KEY);
    expect(resolved.warnings).toEqual([expect.stringContaining("dangerouslyAllowBrowser")]);
  });

  it("works without a key against a same-origin proxy, resolving a relative baseUrl", () => {
    vi.stubEnv("AGNI_API_KEY", API_KEY); // a browser has no environment; it must not be read
    const resolved = resolveClientOptions({ baseUrl: "/api/agni" }, page);
    expect(resolved.apiKey).toBeNull();
    expect(resolved.baseUrl).toBe("https://app.example.com/api/agni");
    expect(resolved.warnings).toEqual([]);
  });
});

describe("logging", () => {
  const capture = () => {
    const lines: { level: string; args: unknown[] }[] = [];
    const at =
      (level: string) =>
      (...args: unknown[]) =>
        lines.push({ level, args });
    return {
      lines,
      logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    };
  };

  /** Places a web call against `baseUrl` with a client logging at debug; returns the lines. */
  const webCallLoggedAtDebug = async (baseUrl: string, options?: RequestOptions) => {
    const { lines, logger } = capture();
    await createAgniClient({
      apiKey: API_KEY,
      baseUrl,
      logger,
      logLevel: "debug",
    }).calls.createWebCall({ agent_id: "a" }, options);
    return lines;
  };

  it("at debug, logs every attempt with method, URL, status, attempt, duration and request id", async () => {
    let n = 0;
    const server = await startServer((_req, res) =>
      ++n === 1
        ? sendJson(res, 429, {}, { "retry-after": "0", "x-request-id": "req-1" })
        : sendJson(res, 200, CREATED, { "x-request-id": "req-2" }),
    );
    const { lines, logger } = capture();
    const agni = createAgniClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      logger,
      logLevel: "debug",
    });

    await agni.calls.createWebCall({ agent_id: "a" });

    const debug = lines.filter((l) => l.level === "debug");
    expect(debug.map((l) => l.args[0])).toEqual([
      `[agni-client] POST ${server.url}/api/v1/calling/create-call → 429`,
      `[agni-client] POST ${server.url}/api/v1/calling/create-call → 200`,
    ]);
    expect(debug[0]!.args[1]).toMatchObject({
      attempt: 1,
      requestId: "req-1",
      durationMs: expect.any(Number),
    });
    expect(debug[1]!.args[1]).toMatchObject({ attempt: 2, requestId: "req-2" });
    expect(lines.filter((l) => l.level === "info").map((l) => l.args[0])).toEqual([
      `[agni-client] POST ${server.url}/api/v1/calling/create-call got 429; retrying in 0 ms`,
    ]);
  });

  it("logs a failed attempt and its retry, with the URL, the failure and the wait", async () => {
    let n = 0;
    const server = await startServer((_req, res) => {
      if (++n === 1) res.socket?.destroy();
      else sendJson(res, 200, CREATED);
    });
    const lines = await webCallLoggedAtDebug(server.url, { idempotencyKey: "log-1" });
    const texts = lines.map((l) => `${l.level} ${String(l.args[0])}`);
    expect(texts[0]).toMatch(
      /^debug \[agni-client\] POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calling\/create-call failed: Could not complete POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calling\/create-call: /,
    );
    expect(lines[0]!.args[1]).toMatchObject({ attempt: 1, durationMs: expect.any(Number) });
    expect(texts[1]).toMatch(
      /^info \[agni-client\] POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calling\/create-call failed \(AgniConnectionError\); retrying in \d+ ms$/,
    );
    expect(lines[1]!.args[1]).toEqual({ attempt: 1 });
    expect(texts[2]).toBe(
      `debug [agni-client] POST ${server.url}/api/v1/calling/create-call → 200`,
    );
    expect(texts).toHaveLength(3);
  });

  it("logs nothing below the level, and nothing at all when off", async () => {
    // A 429 then a 200, and a risky setting: a warning, a retry (info) and two attempts (debug).
    let n = 0;
    const server = await startServer((_req, res) =>
      ++n % 2 === 1
        ? sendJson(res, 429, { message: "slow down" }, { "retry-after": "0" })
        : sendJson(res, 200, CREATED),
    );
    const levelsWritten = async (logLevel: "debug" | "info" | "warn" | "error" | "off") => {
      const { lines, logger } = capture();
      await createAgniClient({
        apiKey: API_KEY,
        baseUrl: server.url.replace("127.0.0.1", "localhost"),
        logger,
        logLevel,
      }).calls.createWebCall({ agent_id: "a" });
      return [...new Set(lines.map((l) => l.level))].sort();
    };
    expect(await levelsWritten("debug")).toEqual(["debug", "info"]);
    expect(await levelsWritten("info")).toEqual(["info"]);
    expect(await levelsWritten("warn")).toEqual([]);
    expect(await levelsWritten("error")).toEqual([]);
    expect(await levelsWritten("off")).toEqual([]);
  });

  it("writes warnings at warn and not when off", () => {
    const written = (logLevel: "warn" | "off") => {
      const { lines, logger } = capture();
      createAgniClient({
        apiKey: API_KEY,
        baseUrl: "http://api.example.com",
        allowInsecureHttp: true,
        logger,
        logLevel,
      });
      return lines.map((l) => l.level);
    };
    expect(written("warn")).toEqual(["warn"]);
    expect(written("off")).toEqual([]);
  });

  it("shows the key as *** in every line, even when a server echoes it", async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 200, CREATED, { "x-request-id": `echo-${req.headers["x-api-key"]}` }),
    );
    const lines = await webCallLoggedAtDebug(server.url);
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(API_KEY);
    expect(lines[0]!.args[1]).toMatchObject({ requestId: "echo-***" });
  });

  it("refuses a logger without the four methods and an unknown level", () => {
    const error = refusal({
      apiKey: API_KEY,
      logger: { log() {} } as never,
      logLevel: "trace" as never,
    });
    expect(error.issues.map((i) => i.field)).toEqual(["logger", "logLevel"]);
  });
});
