/**
 * Load: 1,000 concurrent createOutboundCall through one client against a local server, with
 * and without 10% of answers being 429, and the heap once they settle.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAgniClient } from "../src/index.js";
import { API_KEY } from "./helpers/fixtures.js";
import { CREATED } from "./helpers/test-server.js";

const CALLS = 1_000;
const HEAP_GROWTH_BOUND_MB = 32;
const outbound = {
  agent_id: "agent_1",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
};
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server that answers 429 to every `every`-th request (0: never) and counts them all. */
async function start(every: number) {
  const counts = { requests: 0, rateLimited: 0, succeeded: 0 };
  const body = JSON.stringify(CREATED);
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      counts.requests += 1;
      if (every > 0 && counts.requests % every === 0) {
        counts.rateLimited += 1;
        res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "20" });
        res.end('{"success":false,"message":"slow down"}');
      } else {
        counts.succeeded += 1;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      }
    });
  });
  await new Promise<void>((resolve) =>
    server!.listen({ port: 0, host: "127.0.0.1", backlog: 2048 }, resolve),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, counts };
}

describe(`${CALLS} concurrent outbound calls through one client`, () => {
  it("all succeed, and the heap settles back within the bound", async () => {
    expect(gc).toBeTypeOf("function"); // vitest.config.ts runs workers with --expose-gc
    const { url, counts } = await start(0);
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: url });
    await agni.calls.createOutboundCall(outbound); // warm up
    const before = heapMb();

    const results = await Promise.allSettled(
      Array.from({ length: CALLS }, () => agni.calls.createOutboundCall(outbound)),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const growth = heapMb() - before;

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(counts.requests).toBe(CALLS + 1);
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND_MB);
    console.info(`load: ${CALLS} calls, heap growth after settling ${growth.toFixed(1)} MB`);
  }, 60_000);

  it("with 10% answered 429, all succeed and the server saw exactly successes + 429s", async () => {
    const { url, counts } = await start(10);
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: url, maxRetries: 5 });

    const results = await Promise.allSettled(
      Array.from({ length: CALLS }, () => agni.calls.createOutboundCall(outbound)),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(counts.succeeded).toBe(CALLS);
    expect(counts.rateLimited).toBeGreaterThanOrEqual(CALLS / 10);
    expect(counts.requests).toBe(counts.succeeded + counts.rateLimited);
    console.info(
      `load with 429s: ${counts.requests} requests = ${counts.succeeded} + ${counts.rateLimited} 429s`,
    );
  }, 60_000);
});
