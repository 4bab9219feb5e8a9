import type { IncomingMessage, ServerResponse } from "node:http";
import { sleep } from "../support/sleep.js";
import type { MockAgniOptions } from "./create-call-route.js";
import { createMockAgni, type MockAgni } from "./mock-agni.js";

/**
 * One request a {@link MockAgniServer} answered, as given to `onRequest`.
 *
 * @example
 * const log = ({ method, path, status, durationMs }: MockAgniServerRequest) =>
 *   console.log(method, path, status, `${Math.round(durationMs)} ms`);
 */
export interface MockAgniServerRequest {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  /** Status sent; 0 when the connection was dropped without an answer. */
  status: number;
  /** From the request's arrival until its answer was sent or the connection closed. */
  durationMs: number;
}

/**
 * Options of {@link startMockAgniServer}.
 *
 * @example
 * const server = await startMockAgniServer({ apiKey: "test", port: 4010 });
 */
export interface MockAgniServerOptions extends MockAgniOptions {
  /** The mock to serve; by default a new one made from the other options. */
  mock?: MockAgni;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port; default 0, a free one. */
  port?: number;
  /** Waits this long before answering each request, in ms. Default 0. */
  latencyMs?: number;
  /** Called once per request when its answer has been sent or its connection has closed. */
  onRequest?: (request: MockAgniServerRequest) => void;
}

/**
 * A running mock server.
 *
 * @example
 * const { url, mock, close }: MockAgniServer = await startMockAgniServer();
 */
export interface MockAgniServer {
  /** Base URL to pass as `baseUrl`, such as `http://127.0.0.1:53124`. */
  url: string;
  /** The mock behind it, with its recorded `calls` and `enqueue`. */
  mock: MockAgni;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Answers one HTTP request with the mock; a scripted network failure drops the connection. */
function answerWith(mock: MockAgni, host: string, latencyMs: number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    let response: Response;
    try {
      if (latencyMs > 0) await sleep(latencyMs, aborted.signal);
      response = await mock(`http://${req.headers.host ?? host}${req.url ?? "/"}`, {
        method: req.method ?? "GET",
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        signal: aborted.signal,
      });
    } catch {
      req.socket.destroy();
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  };
}

/**
 * Serves a {@link MockAgni} over real HTTP with `node:http` (Node, Bun and Deno). A scripted
 * network failure destroys the connection, so clients see a real socket error.
 *
 * @example
 * const server = await startMockAgniServer();
 * const agni = createAgniClient({ apiKey: "test", baseUrl: server.url });
 * // ...
 * await server.close();
 */
export async function startMockAgniServer(
  options: MockAgniServerOptions = {},
): Promise<MockAgniServer> {
  const {
    mock = createMockAgni(options),
    host = "127.0.0.1",
    port = 0,
    latencyMs = 0,
    onRequest,
  } = options;
  // Imported lazily, by a name bundlers cannot fold into a literal (and so leave alone), so
  // that `agni-client/testing` also loads and bundles where node:http does not exist.
  const nodeHttp = ["node", "http"].join(":");
  const { createServer } = (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ nodeHttp
  )) as typeof import("node:http");

  const handle = answerWith(mock, host, latencyMs);
  const server = createServer((req, res) => {
    if (onRequest) {
      const start = performance.now();
      res.once("close", () =>
        onRequest({
          method: req.method ?? "GET",
          path: req.url ?? "/",
          status: res.headersSent ? res.statusCode : 0,
          durationMs: performance.now() - start,
        }),
      );
    }
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`,
    mock,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
