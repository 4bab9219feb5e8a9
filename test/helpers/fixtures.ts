import { inspect } from "node:util";
import { afterEach } from "vitest";
import { startTestServer, type Handler, type TestServer } from "./test-server.js";

/** A key shaped like a real one, so that a leak is unmistakable. */
export const API_KEY = "agni_sk_live_4f9c2e7b1d8a6035";

/** Starts a test server that is closed after the current test. */
export function useTestServer(): (handler: Handler) => Promise<TestServer> {
  const open: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startTestServer(handler);
    open.push(server);
    return server;
  };
}

/** Every way an error can be shown: message, stack, JSON, util.inspect (deep, hidden fields). */
export function everyRendering(error: unknown): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
  ].join("\n");
}

/** Awaits a promise expected to reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}
