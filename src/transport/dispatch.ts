import { isIdempotent } from "./idempotent.js";
import type { FetchFunction } from "../config/options.js";

/** Sends one HTTP request: the transport's only way out. */
export type Dispatch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * How the transport sends: through the caller's `fetch` with a real `Request`, else straight to
 * `globalThis.fetch(url, init)` (one Request fewer to build). On Deno, a request that must not
 * be sent twice gets a body stream: Deno's fetch silently sends a request again, on a new
 * connection, when its connection closes before the answer (for create-call, a second dial),
 * unless the body is a stream it cannot replay. Such a body goes out chunked on HTTP/1.1.
 */
export function createDispatch(
  customFetch: FetchFunction | undefined,
  globals: object = globalThis,
): Dispatch {
  if (customFetch) return (url, init) => customFetch(new Request(url, init));
  if ((globals as { Deno?: unknown }).Deno === undefined) {
    return (url, init) => globalThis.fetch(url, init);
  }
  return (url, init) => {
    const { method = "GET", body } = init;
    const headers = new Headers(init.headers);
    if (body == null || isIdempotent(method, headers)) return globalThis.fetch(url, init);
    return new Response(body as BodyInit).arrayBuffer().then((buffer) =>
      globalThis.fetch(url, {
        ...init,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(buffer));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit),
    );
  };
}
