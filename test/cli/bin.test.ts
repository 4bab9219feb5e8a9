/**
 * The `agni-client` bin as users get it: packed, installed from the tarball into a new project,
 * and run as a separate process for each command, flag and exit code.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMockAgniServer, type MockAgniServer } from "../../src/testing/index.js";
import { sendJson, startTestServer } from "../helpers/test-server.js";
import { exec, preparePackedProject, root } from "../runtimes/packed-project.js";

const KEY = "agni_sk_cli_4f9d2c7e1b";
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OUTBOUND = ["--agent", "agent_1", "--from", "+14157774444", "--to", "+12137774445"];

let project: string;
let bin: string;
beforeAll(async () => {
  project = await preparePackedProject();
  bin = join(project, "node_modules/.bin/agni-client");
}, 240_000);

/** The environment of a shell with this Node first on PATH and no Agni variables. */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { AGNI_API_KEY: _key, AGNI_BASE_URL: _url, ...env } = process.env;
  return { ...env, PATH: `${dirname(process.execPath)}:${env["PATH"] ?? ""}`, ...extra };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the installed bin to its end. */
async function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(bin, args, { cwd: project, env: shellEnv(env) });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stdout, stderr };
}

/** Every character the bin printed. */
const printed = (result: Run) => result.stdout + result.stderr;

interface RunningMock {
  url: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  output(): string;
}

const mocks: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of mocks.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts `agni-client mock --port 0 ...` and reads the URL it prints. */
async function startBinMock(args: string[] = []): Promise<RunningMock> {
  const child = spawn(bin, ["mock", "--port", "0", ...args], {
    cwd: project,
    env: shellEnv(),
  });
  mocks.push(child);
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once("close", (code) => reject(new Error(`mock exited ${code}:\n${output}`)));
  });
  return { url, port: Number(new URL(url).port), child, output: () => output };
}

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("help and version", () => {
  it("--version prints the package version, also through npx", async () => {
    const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const viaNpx = await exec("npx", ["--no-install", "agni-client", "--version"], {
      cwd: project,
      env: shellEnv(),
    });
    expect(viaNpx).toBe(`${version}\n`);
  });

  it.each([
    [["--help"], /^Usage: agni-client <command>/],
    [["-h"], /^Usage: agni-client <command>/],
    [["mock", "--help"], /^Usage: agni-client mock/],
    [["call", "--help"], /^Usage: agni-client call web/],
    [["call", "web", "--help"], /^Usage: agni-client call web --agent ID/],
    [["call", "outbound", "-h"], /^Usage: agni-client call outbound --agent ID --from E164/],
  ])("%j prints its usage and the exit codes on stdout", async (args, usage) => {
    const result = await run(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stdout).toMatch(
      /Exit codes:\n {2}0 {2}done\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}4 /,
    );
  });
});

describe("exit 1: usage or configuration", () => {
  it.each([
    [[], /^Usage: agni-client/],
    [["dial"], /unknown command dial/],
    [["--verbose"], /unknown flag --verbose/],
    [["call"], /call needs a kind: web or outbound/],
    [["call", "sms"], /unknown call kind sms/],
    [["call", "web", "--agent", "a", "--bogus"], /unknown flag or argument: --bogus/],
    [["mock", "--port", "0", "extra"], /unknown flag or argument: extra/],
  ])("%j", async (args, message) => {
    const result = await run(args, { AGNI_API_KEY: KEY });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("without AGNI_API_KEY, naming it; with --json, as one JSON object", async () => {
    const text = await run(["call", "web", "--agent", "a"]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("AGNI_API_KEY is not set");
    const json = await run(["call", "web", "--agent", "a", "--json"]);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        name: "ConfigurationError",
        message: expect.stringContaining("AGNI_API_KEY is not set"),
        status: null,
        safeToRetry: true,
        issues: [{ field: "AGNI_API_KEY", message: expect.any(String) }],
      },
    });
  });

  it("for a base URL that would send the key over plain http", async () => {
    const result = await run(["call", "web", "--agent", "a", "--base-url", "http://example.com"], {
      AGNI_API_KEY: KEY,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "--base-url (or AGNI_BASE_URL) http://example.com is plain http",
    );
  });

  it("when the mock's port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      const result = await run(["mock", "--port", String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--port ${port} is in use`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe("exit 2: bad input, nothing sent", () => {
  let server: MockAgniServer;
  beforeAll(async () => {
    server = await startMockAgniServer();
  });
  afterAll(() => server?.close());

  it("lists every problem by flag", async () => {
    const result = await run(
      ["call", "outbound", "--from", "(415) 777-4444", "--metadata", "[1]", "--var", "x", "--to"],
      { AGNI_API_KEY: KEY, AGNI_BASE_URL: server.url },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n");
    expect(lines[0]).toBe("agni-client: bad input, nothing sent");
    expect(lines.slice(1, 6).map((line) => line.trim().split(" ")[0])).toEqual([
      "--to",
      "--agent",
      "--from",
      "--metadata",
      "--var",
    ]);
    expect(result.stderr).toContain('Run "agni-client call outbound --help" for usage.');
    expect(server.mock.calls).toHaveLength(0);
  });

  it("with --json, as one JSON object listing the issues", async () => {
    const result = await run(["call", "web", "--metadata", "not json", "--json"], {
      AGNI_API_KEY: KEY,
      AGNI_BASE_URL: server.url,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("");
    const { error } = JSON.parse(result.stdout);
    expect(error).toMatchObject({ name: "InputError", status: null, safeToRetry: true });
    expect(error.issues.map((issue: { field: string }) => issue.field)).toEqual([
      "--agent",
      "--metadata",
    ]);
    expect(error.message).toMatch(/^bad input, nothing sent: --agent is required; --metadata/);
    expect(server.mock.calls).toHaveLength(0);
  });

  it("for the mock's flags too", async () => {
    const result = await run(["mock", "--port", "99999", "--shape", "xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port must be .*\n {2}--shape must be flat or envelope/);
  });
});

describe("calls against the installed mock", () => {
  it("a web call: summary, the mock's log line, and JSON", async () => {
    const mock = await startBinMock();
    const env = { AGNI_API_KEY: KEY, AGNI_BASE_URL: mock.url };
    const text = await run(["call", "web", "--agent", "agent_1", "--var", "name=Ada"], env);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe("");
    const session = /session id {2}(\S+)/.exec(text.stdout)![1]!;
    expect(session).toMatch(UUID_V7);
    expect(text.stdout).toContain(`room        call_${session}\n`);
    expect(text.stdout).toContain("LiveKit url wss://agni-mock.livekit.invalid\n");
    expect(text.stdout).toMatch(/token {7}eyJ[\w-]{13}…\(\d+ chars\)\n/);

    const json = await run(["call", "web", "--agent", "agent_1", "--json"], env);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ success: true, url: "wss://agni-mock.livekit.invalid" });
    expect(result.room_id).toBe(`call_${result.session_id}`);
    expect(result.access_token.split(".")).toHaveLength(3);
    expect(mock.output()).toMatch(
      /\nPOST \/api\/v1\/calling\/create-call 200 \d+ ms\n.*200 \d+ ms\n/,
    );
    expect(mock.output()).not.toContain(KEY);
  });

  it("an outbound call, with --base-url, from an envelope-shaped mock", async () => {
    const mock = await startBinMock(["--shape", "envelope"]);
    const result = await run(["call", "outbound", ...OUTBOUND, "--base-url", mock.url, "--json"], {
      AGNI_API_KEY: KEY,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).session_id).toMatch(UUID_V7);
    const text = await run(["call", "outbound", ...OUTBOUND, "--base-url", mock.url], {
      AGNI_API_KEY: KEY,
    });
    expect(text.stdout).toMatch(/^Outbound call placed from \+14157774444 to \+12137774445\.\n/);
  });

  it("sends the flags' metadata, variables and Idempotency-Key", async () => {
    const server = await startMockAgniServer();
    try {
      const result = await run(
        [
          "call",
          "web",
          "--agent",
          "agent_1",
          "--metadata",
          '{"ticket":"T-1001"}',
          "--var",
          "name=Ada",
          "--var",
          "plan=pro",
          "--idempotency-key",
          "idem-42",
          "--timeout-ms",
          "5000",
        ],
        { AGNI_API_KEY: KEY, AGNI_BASE_URL: server.url },
      );
      expect(result.code).toBe(0);
      expect(server.mock.calls).toHaveLength(1);
      expect(server.mock.calls[0]!.headers["idempotency-key"]).toBe("idem-42");
      expect(server.mock.calls[0]!.body).toEqual({
        type: "web_call",
        agent_id: "agent_1",
        from_phone_number: "",
        to_phone_number: "",
        metadata: { ticket: "T-1001" },
        prompt_dynamic_variables: { name: "Ada", plan: "pro" },
      });
    } finally {
      await server.close();
    }
  });
});

describe("exit 3: the API answered with an error", () => {
  it("shows status and code; --json gives name, status and safeToRetry", async () => {
    const mock = await startBinMock(["--api-key", "the_right_key"]);
    const env = { AGNI_API_KEY: KEY, AGNI_BASE_URL: mock.url };
    const text = await run(["call", "web", "--agent", "a"], env);
    expect(text.code).toBe(3);
    expect(text.stdout).toBe("");
    expect(text.stderr).toMatch(
      /^agni-client: AgniAuthenticationError: missing or invalid X-Api-Key/,
    );
    expect(text.stderr).toContain("  status      401\n  code        UNAUTHORIZED\n");
    expect(text.stderr).toContain("cannot place a second call");
    const json = await run(["call", "web", "--agent", "a", "--json"], env);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        name: "AgniAuthenticationError",
        message: "missing or invalid X-Api-Key header",
        status: 401,
        safeToRetry: true,
        code: "UNAUTHORIZED",
      },
    });
    expect(mock.output()).toContain("POST /api/v1/calling/create-call 401");
    expect(mock.output()).not.toContain("the_right_key");
  });
});

describe("exit 4: network failure or time-out", () => {
  it("a refused connection: nothing was sent, trying again is safe", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const text = await run(["call", "outbound", ...OUTBOUND, "--base-url", url], {
      AGNI_API_KEY: KEY,
    });
    expect(text.code).toBe(4);
    expect(text.stderr).toMatch(/^agni-client: AgniConnectionError: /);
    expect(text.stderr).toContain("Trying again cannot place a second call");
    const json = await run(["call", "outbound", ...OUTBOUND, "--base-url", url, "--json"], {
      AGNI_API_KEY: KEY,
    });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      name: "AgniConnectionError",
      status: null,
      safeToRetry: true,
    });
  });

  it("a time-out against a slow mock: trying again could place a second call", async () => {
    const mock = await startBinMock(["--latency-ms", "10000"]);
    const args = ["call", "web", "--agent", "a", "--base-url", mock.url, "--timeout-ms", "300"];
    const text = await run(args, { AGNI_API_KEY: KEY });
    expect(text.code).toBe(4);
    expect(text.stderr).toMatch(
      /^agni-client: AgniTimeoutError: No complete answer .* within 300 ms/,
    );
    expect(text.stderr).toContain("Trying again could place a second call");
    const json = await run([...args, "--json"], { AGNI_API_KEY: KEY });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      name: "AgniTimeoutError",
      status: null,
      safeToRetry: false,
    });
    // The mock logged the requests its clients abandoned.
    expect(mock.output()).toMatch(/POST \/api\/v1\/calling\/create-call dropped \d+ ms\n/);
  });
});

describe("the key never appears in what the CLI prints", () => {
  // A key with a quote and a backslash: it is echoed both raw and JSON-escaped.
  const ECHOED = 'agni_sk_"echo\\7f3a91c';
  const echoEverywhere = (status: number) =>
    startTestServer((request, res) => {
      const key = String(request.headers["x-api-key"]);
      sendJson(
        res,
        status,
        {
          success: status === 200,
          message: `key ${key} echoed`,
          code: key,
          access_token: `${key}.rest-of-token`,
          room_id: key,
          session_id: key,
          url: `wss://lk.example/?key=${encodeURIComponent(key)}`,
          [key]: key,
        },
        { "x-request-id": key, "x-echo": key },
      );
    });

  it.each([200, 401, 422, 500])("when the server echoes it in a %i answer", async (status) => {
    const server = await echoEverywhere(status);
    try {
      for (const json of [false, true]) {
        const args = ["call", "outbound", ...OUTBOUND, "--base-url", server.url];
        const result = await run(json ? [...args, "--json"] : args, { AGNI_API_KEY: ECHOED });
        expect(result.code).toBe(status === 200 ? 0 : 3);
        expect(server.requests.at(-1)!.headers["x-api-key"]).toBe(ECHOED);
        const shown = printed(result);
        for (const form of [ECHOED, JSON.stringify(ECHOED).slice(1, -1), "agni_sk_"]) {
          expect(shown).not.toContain(form);
        }
        expect(shown).toContain("***");
        if (json) JSON.parse(result.stdout);
      }
    } finally {
      await server.close();
    }
  });
});

describe("stopping the mock", () => {
  const createCall = (url: string) =>
    fetch(`${url}/api/v1/calling/create-call`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: JSON.stringify({
        type: "web_call",
        agent_id: "a",
        from_phone_number: "",
        to_phone_number: "",
      }),
    });

  /** Sends `signal` and returns how the mock exited and how long after the signal it did. */
  async function stop(mock: RunningMock, signal: NodeJS.Signals) {
    const exited = once(mock.child, "exit");
    const sent = performance.now();
    mock.child.kill(signal);
    const [code, killedBy] = await exited;
    return { code, killedBy, elapsedMs: performance.now() - sent };
  }

  async function expectPortFree(port: number) {
    const again = createServer();
    await new Promise<void>((resolve, reject) => {
      again.once("error", reject);
      again.listen(port, "127.0.0.1", resolve);
    });
    await new Promise((resolve) => again.close(resolve));
  }

  it("SIGINT stops it within a second, with exit 0, and frees the port", async () => {
    const mock = await startBinMock();
    // A kept-alive connection, as clients leave one: stopping must not wait for it.
    const answer = await createCall(mock.url);
    expect(answer.status).toBe(200);
    await answer.arrayBuffer();
    const { code, killedBy, elapsedMs } = await stop(mock, "SIGINT");
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(elapsedMs).toBeLessThan(1000);
    expect(mock.output()).toMatch(/ 200 \d+ ms\nStopping \(SIGINT\)\.\n$/);
    await expectPortFree(mock.port);
  });

  it("SIGTERM does too, while a request waits out --latency-ms", async () => {
    const mock = await startBinMock(["--latency-ms", "30000"]);
    const pending = createCall(mock.url).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 500)); // for the request to arrive
    const { code, killedBy, elapsedMs } = await stop(mock, "SIGTERM");
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(elapsedMs).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(TypeError); // the connection was dropped
    expect(mock.output()).toMatch(
      /Stopping \(SIGTERM\)\.\nPOST \/api\/v1\/calling\/create-call dropped \d+ ms\n$/,
    );
    await expectPortFree(mock.port);
  });
});
