import { isIdempotent } from "./idempotent.js";
import type { FetchFunction } from "./options.js";

/**
 * The fetch used when the caller gives none: `globalThis.fetch`, except on Deno for a request
 * that must not be sent twice. Deno's fetch silently sends a request again, on a new
 * connection, when its connection closes before the answer (which for create-call would dial a
 * person twice), unless the body is a stream it cannot replay. Such a body goes out as a
 * stream, so chunked on HTTP/1.1.
 */
export function createDefaultFetch(globals: object = globalThis): FetchFunction {
  if ((globals as { Deno?: unknown }).Deno === undefined) {
    return (request) => globalThis.fetch(request);
  }
  return async (request) => {
    if (request.body === null || isIdempotent(request)) return globalThis.fetch(request);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    return globalThis.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
      redirect: request.redirect,
      duplex: "half",
    } as RequestInit);
  };
}
