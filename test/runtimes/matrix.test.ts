/**
 * The runtime matrix: the packed package, installed the way a user gets it, places a web call,
 * an outbound call and one failing call in each runtime we claim, against a mock Agni server on
 * 127.0.0.1. agni-client/server is required from CJS, and served from Node and from workerd to
 * a real Chromium page with a keyless client. Locally a missing runtime is skipped with a line
 * saying how to install it; with CI=true it fails.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { startMockAgniServer, type MockAgniServer } from "../../src/testing/index.js";
import { CREATED, sendJson, startTestServer } from "../helpers/test-server.js";
import { exec, preparePackedProject, root } from "./packed-project.js";

const KEY = "agni_sk_runtime_7c1e5b9d2f";
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// Debian's chromium by default; CHROMIUM_PATH points elsewhere (Chrome on GitHub runners).
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const bin = (name: string) => join(root, "node_modules/.bin", name);

let project: string;
let server: MockAgniServer;
beforeAll(async () => {
  [project, server] = await Promise.all([
    preparePackedProject(),
    startMockAgniServer({ apiKey: KEY }),
  ]);
}, 240_000);
afterAll(() => server?.close());

/** The scenario's options for a runtime that talks to the mock directly. */
const direct = (runtime: string) => ({
  runtime,
  client: { apiKey: KEY, baseUrl: server.url },
  failingClient: { apiKey: "agni_sk_wrong", baseUrl: server.url, maxRetries: 0 },
});

interface ScenarioResult {
  web: { session_id: string; room_id: string; has_token: boolean };
  outbound: { session_id: string; room_id: string };
  failure: Record<string, unknown> | null;
  validation: Record<string, unknown> | null;
}

function expectScenario(result: ScenarioResult, runtime: string) {
  expect(result.web.session_id).toMatch(UUID_V7);
  expect(result.web.room_id).toBe(`call_${result.web.session_id}`);
  expect(result.web.has_token).toBe(true);
  expect(result.outbound.session_id).toMatch(UUID_V7);
  expect(result.outbound.session_id).not.toBe(result.web.session_id);
  expect(result.failure).toEqual({
    name: "AgniAuthenticationError",
    status: 401,
    isAgniError: true,
    isAuthenticationError: true,
    safeToRetry: true,
  });
  expect(result.validation).toEqual({ name: "AgniValidationError", field: "to_phone_number" });
  const sent = server.mock.calls.filter(
    (call) =>
      (call.body as { metadata?: { runtime?: string } })?.metadata?.runtime === runtime ||
      (call.body as { prompt_dynamic_variables?: { runtime?: string } })?.prompt_dynamic_variables
        ?.runtime === runtime,
  );
  expect(sent.map((call) => (call.body as { type: string }).type)).toEqual([
    "web_call",
    "outbound_call",
  ]);
}

/** Skips locally, fails in CI, when a runtime is missing. */
function requireRuntime(ctx: TestContext, present: boolean, name: string, install: string) {
  if (present) return;
  const line = `${name} is not available: ${install}`;
  if (process.env["CI"] === "true") throw new Error(line);
  console.warn(`skipping ${line}`);
  ctx.skip();
}

/** Bundles one of the app's entries with esbuild, as a user's bundler would. */
async function bundle(entry: string, format: "esm" | "iife", conditions: string[]) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [join(project, entry)],
    absWorkingDir: project,
    bundle: true,
    write: false,
    format,
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions,
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** One Chromium for every page in this file, launched on first use. */
let browser: Promise<Browser> | undefined;
function chromiumBrowser(ctx: TestContext): Promise<Browser> {
  requireRuntime(
    ctx,
    existsSync(CHROMIUM),
    "Chromium",
    "apt-get update && apt-get install -y chromium (.ci/run does this)",
  );
  browser ??= import("playwright-core").then(({ chromium }) =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }),
  );
  return browser;
}
afterAll(async () => {
  await (await browser)?.close();
});

/** Opens the page at `url` and runs its `window[name](options)`; the errors it threw too. */
async function runInPage(tab: Page, url: string, name: string, options: unknown) {
  const pageErrors: string[] = [];
  tab.on("pageerror", (error) => pageErrors.push(error.message));
  await tab.goto(`${url}/`);
  await tab.waitForFunction((fn) => fn in window, name);
  const result = await tab.evaluate(
    ([fn, o]) => (window as unknown as Record<string, (o: unknown) => Promise<unknown>>)[fn]!(o),
    [name, options] as const,
  );
  return { result, pageErrors };
}

/** A Worker made of one of the app's entries, bundled, run by miniflare (workerd). */
async function startMiniflare(ctx: TestContext, entry: string, options: object = {}) {
  const miniflare = await import("miniflare").catch(() => undefined);
  requireRuntime(
    ctx,
    miniflare !== undefined,
    "workerd",
    "npm install (the `miniflare` dev dependency)",
  );
  return new miniflare!.Miniflare({
    modules: true,
    script: await bundle(entry, "esm", ["workerd", "worker", "browser"]),
    compatibilityDate: "2026-04-01",
    ...options,
  });
}

const versions: Record<string, string> = {};
afterAll(() => {
  console.info(`runtime versions: ${JSON.stringify(versions)}`);
});

describe("runtime matrix (packed package)", () => {
  it("Node ESM import", async () => {
    versions["node"] = process.version;
    const out = await exec(process.execPath, ["node-esm.mjs", JSON.stringify(direct("node-esm"))], {
      cwd: project,
    });
    expectScenario(JSON.parse(out), "node-esm");
  });

  it("Node CJS require", async () => {
    const out = await exec(process.execPath, ["node-cjs.cjs", JSON.stringify(direct("node-cjs"))], {
      cwd: project,
    });
    expectScenario(JSON.parse(out), "node-cjs");
  });

  it("Deno", async (ctx) => {
    requireRuntime(ctx, existsSync(bin("deno")), "Deno", "npm install (the `deno` dev dependency)");
    const env = { DENO_DIR: join(project, ".deno"), DENO_NO_UPDATE_CHECK: "1" };
    versions["deno"] = (await exec(bin("deno"), ["--version"], { cwd: project, env })).split(
      "\n",
    )[0]!;
    const out = await exec(
      bin("deno"),
      [
        "run",
        "--allow-net=127.0.0.1",
        `--allow-read=${project}`,
        "node-esm.mjs",
        JSON.stringify(direct("deno")),
      ],
      { cwd: project, env, timeoutMs: 90_000 },
    );
    expectScenario(JSON.parse(out), "deno");
  });

  it("Bun", async (ctx) => {
    requireRuntime(ctx, existsSync(bin("bun")), "Bun", "npm install (the `bun` dev dependency)");
    versions["bun"] = (await exec(bin("bun"), ["--version"], { cwd: project })).trim();
    const out = await exec(bin("bun"), ["node-esm.mjs", JSON.stringify(direct("bun"))], {
      cwd: project,
      timeoutMs: 90_000,
    });
    expectScenario(JSON.parse(out), "bun");
  });

  it("Cloudflare workerd (miniflare)", async (ctx) => {
    const mf = await startMiniflare(ctx, "worker.mjs");
    try {
      const response = await mf.dispatchFetch("http://worker.local/", {
        method: "POST",
        body: JSON.stringify(direct("workerd")),
      });
      expect(response.status).toBe(200);
      expectScenario((await response.json()) as ScenarioResult, "workerd");
      versions["workerd"] = JSON.parse(
        await readFile(join(root, "node_modules/workerd/package.json"), "utf8"),
      ).version;
    } finally {
      await mf.dispose();
    }
  }, 60_000);

  it("Vercel edge-runtime", async (ctx) => {
    const edge = await import("edge-runtime").catch(() => undefined);
    requireRuntime(
      ctx,
      edge !== undefined,
      "edge-runtime",
      "npm install (the `edge-runtime` dev dependency)",
    );
    const initialCode = await bundle("edge.mjs", "iife", ["edge-light", "worker", "browser"]);
    const runtime = new edge!.EdgeRuntime({ initialCode });
    const response = await runtime.dispatchFetch("http://edge.local/", {
      method: "POST",
      body: JSON.stringify(direct("edge-runtime")),
    });
    await response.waitUntil();
    expect(response.status).toBe(200);
    expectScenario((await response.json()) as ScenarioResult, "edge-runtime");
    versions["edge-runtime"] = JSON.parse(
      await readFile(join(root, "node_modules/edge-runtime/package.json"), "utf8"),
    ).version;
  });

  it("Chromium page, through a same-origin proxy without a key", async (ctx) => {
    const chromium = await chromiumBrowser(ctx);
    const page = await startPageServer();
    const tab = await chromium.newPage();
    try {
      versions["chromium"] = chromium.version();
      const { result, pageErrors } = await runInPage(tab, page.url, "runScenario", {
        runtime: "chromium",
        client: { baseUrl: "/api/agni" },
        failingClient: { baseUrl: "/api/agni-wrong-key", maxRetries: 0 },
      });
      const { guard, allowedWithFlag, ...scenario } = result as ScenarioResult & {
        guard: { name: string; message: string } | null;
        allowedWithFlag: boolean;
      };
      expectScenario(scenario, "chromium");
      expect(guard?.name).toBe("AgniValidationError");
      expect(guard?.message).toContain("dangerouslyAllowBrowser: true");
      expect(guard?.message).toContain("access_token and url");
      expect(allowedWithFlag).toBe(true);
      expect(page.keysFromBrowser).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await tab.close();
      await page.close();
    }
  }, 60_000);
});

describe("agni-client/server (packed package)", () => {
  it("Node CJS require", async () => {
    const out = await exec(process.execPath, ["server-cjs.cjs"], { cwd: project });
    expect(JSON.parse(out)).toEqual({
      grant: { status: 200, keys: ["access_token", "room_id", "session_id", "url"] },
      refused: 404,
      sent: 1,
    });
  });

  /** A running app (server-app.mjs) in front of the mock Agni: its URL, and how to stop it. */
  type Started = { url: string; close(): Promise<unknown> };
  const serverPage = () => bundle("server-page.mjs", "esm", ["browser"]);
  const pageHtml = () => readFile(join(project, "index.html"), "utf8");
  const hosts: [string, (runtime: string, ctx: TestContext) => Promise<Started>][] = [
    ["Node", startNodeApp],
    ["workerd (miniflare)", startWorkerApp],
  ];

  it.for(hosts)(
    "Chromium page → proxy and web-call route on %s → mock Agni, the key never in the page",
    { timeout: 60_000 },
    async ([host, start], ctx) => {
      const chromium = await chromiumBrowser(ctx);
      const runtime = `server-${host.split(" ")[0]!.toLowerCase()}`;
      const app = await start(runtime, ctx);
      const tab = await chromium.newPage();
      try {
        const received: Promise<string>[] = [];
        const keysSent: string[] = [];
        tab.on("request", (request) => {
          const key = request.headers()["x-api-key"];
          if (key !== undefined) keysSent.push(key);
        });
        tab.on("response", (response) => {
          received.push(
            Promise.all([response.allHeaders(), response.body().catch(() => Buffer.alloc(0))]).then(
              ([headers, body]) => `${JSON.stringify(headers)}\n${body.toString("latin1")}`,
            ),
          );
        });
        const { result, pageErrors } = await runInPage(tab, app.url, "runServerScenario", {
          agentId: "agent_page",
          runtime,
        });

        const denied = {
          name: "AgniPermissionDeniedError",
          status: 403,
          isPermissionDenied: true,
          isAgniError: true,
        };
        expect(result).toEqual({
          web: { session_id: expect.stringMatching(UUID_V7), has_token: true },
          outbound: denied,
          otherAgent: denied,
          grant: {
            status: 200,
            keys: ["access_token", "room_id", "session_id", "url"],
            room_id: expect.stringMatching(/^call_/),
          },
          wrongMethod: { status: 405, allow: "POST", success: false },
        });
        expect(pageErrors).toEqual([]);
        // Every response the page received: the page, its script, four API answers at least.
        const seen = await Promise.all(received);
        expect(seen.length).toBeGreaterThanOrEqual(6);
        for (const text of seen) expect(text).not.toContain(KEY);
        expect(keysSent).toEqual([]);
        // Upstream got the two web calls, with the server's key, and no outbound call.
        const sent = server.mock.calls.filter(
          (call) =>
            (call.body as { metadata?: { runtime?: string } })?.metadata?.runtime === runtime,
        );
        expect(sent.map((call) => (call.body as { type: string }).type)).toEqual([
          "web_call",
          "web_call",
        ]);
        expect(sent.every((call) => call.headers["x-api-key"] === KEY)).toBe(true);
      } finally {
        await tab.close();
        await app.close();
      }
    },
  );

  async function startNodeApp(runtime: string): Promise<Started> {
    const scriptFile = join(project, "server-page.bundle.js");
    await writeFile(scriptFile, await serverPage());
    const config = {
      agniUrl: server.url,
      apiKey: KEY,
      runtime,
      htmlFile: join(project, "index.html"),
      scriptFile,
    };
    const child = spawn(process.execPath, ["server-node.mjs", JSON.stringify(config)], {
      cwd: project,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (line: Buffer) => resolve(JSON.parse(line.toString()).url));
      child.once("exit", (code) => reject(new Error(`server-node.mjs exited with ${code}`)));
    });
    return { url, close: () => (child.kill(), exited) };
  }

  async function startWorkerApp(runtime: string, ctx: TestContext): Promise<Started> {
    const mf = await startMiniflare(ctx, "server-worker.mjs", {
      bindings: {
        AGNI_URL: server.url,
        AGNI_API_KEY: KEY,
        RUNTIME: runtime,
        HTML: await pageHtml(),
        SCRIPT: await serverPage(),
      },
      host: "127.0.0.1",
      port: 0,
    });
    const url = await mf.ready;
    return { url: url.origin, close: () => mf.dispose() };
  }
});

describe("no runtime sends a create-call twice when its connection drops", () => {
  const runtimes: [string, string, string[]][] = [
    ["Node", process.execPath, []],
    ["Deno", bin("deno"), ["run", "--allow-net=127.0.0.1"]],
    ["Bun", bin("bun"), []],
  ];

  it.for(runtimes)("%s", async ([name, file, args], ctx) => {
    requireRuntime(
      ctx,
      existsSync(file),
      name,
      `npm install (the \`${name.toLowerCase()}\` dev dependency)`,
    );
    const dropped = await startTestServer((req, res) => {
      if (req.body.includes("outbound_call")) res.socket?.destroy();
      else sendJson(res, 200, CREATED);
    });
    try {
      const out = await exec(
        file,
        [...args, "dropped.mjs", JSON.stringify({ baseUrl: dropped.url, apiKey: KEY })],
        { cwd: project, env: { DENO_DIR: join(project, ".deno") }, timeoutMs: 90_000 },
      );
      expect(JSON.parse(out)).toEqual({
        name: "AgniConnectionError",
        safeToRetry: false,
        attempts: 1,
      });
      const outbound = dropped.requests.filter((r) => r.body.includes("outbound_call"));
      expect(outbound).toHaveLength(1);
    } finally {
      await dropped.close();
    }
  });
});

/**
 * Serves the browser page and its bundle, and a same-origin proxy that forwards `/api/agni/*`
 * to the mock with the key (and `/api/agni-wrong-key/*` with a wrong one), recording any key
 * the browser itself sent.
 */
async function startPageServer() {
  const script = await bundle("browser.mjs", "esm", ["browser"]);
  const html = await readFile(join(project, "index.html"), "utf8");
  const keysFromBrowser: string[] = [];
  const proxies: [string, string][] = [
    ["/api/agni-wrong-key", "agni_sk_wrong"],
    ["/api/agni", KEY],
  ];
  const pageServer = await startTestServer(async (req, res) => {
    if (req.path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(html);
    if (req.path === "/browser.js") {
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    }
    const proxy = proxies.find(([prefix]) => req.path.startsWith(`${prefix}/`));
    if (!proxy) return void res.writeHead(404).end();
    const key = req.headers["x-api-key"];
    if (typeof key === "string") keysFromBrowser.push(key);
    const upstream = await fetch(`${server.url}${req.path.slice(proxy[0].length)}`, {
      method: req.method,
      headers: { "content-type": "application/json", "x-api-key": proxy[1] },
      body: req.body || undefined,
    });
    res.writeHead(upstream.status, { "content-type": "application/json" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return { url: pageServer.url, keysFromBrowser, close: pageServer.close };
}

/** The oldest TypeScript the README claims (openapi-fetch 0.17's own types need 5.4). */
const OLDEST_TYPESCRIPT = "5.4.5";

describe("TypeScript consumers of the packed declarations", () => {
  let oldest: string;
  beforeAll(async () => {
    oldest = join(project, ".oldest-typescript");
    await mkdir(oldest, { recursive: true });
    await writeFile(join(oldest, "package.json"), JSON.stringify({ private: true }));
    await exec(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", `typescript@${OLDEST_TYPESCRIPT}`],
      { cwd: oldest, timeoutMs: 120_000 },
    );
  }, 150_000);

  const tsconfig = (module: string, moduleResolution: string) =>
    JSON.stringify({
      compilerOptions: {
        module,
        moduleResolution,
        target: "es2022",
        lib: ["es2022", "dom"],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["consumer.ts"],
    });

  it.each([
    ["current", "node16", "node16"],
    ["current", "esnext", "bundler"],
    ["oldest", "node16", "node16"],
    ["oldest", "esnext", "bundler"],
  ])(
    "%s TypeScript with module %s, moduleResolution %s",
    async (which, module, moduleResolution) => {
      const config = join(project, `tsconfig.${which}.${moduleResolution}.json`);
      await writeFile(config, tsconfig(module, moduleResolution));
      const tsc = join(which === "current" ? root : oldest, "node_modules/typescript/bin/tsc");
      versions[`typescript-${which}`] = (
        await exec(process.execPath, [tsc, "--version"], { cwd: project })
      ).trim();
      await exec(process.execPath, [tsc, "-p", config], { cwd: project });
    },
  );
});
