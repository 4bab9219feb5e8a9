import type { FetchFunction } from "../config/options.js";
import { isIdempotent } from "./idempotent.js";

/** Sends one HTTP request: the transport's only way out. */
export type Dispatch = (url: string, init: RequestInit) => Promise<Response>;

/** The body as a one-shot stream, which no fetch can send a second time. */
async function unreplayable(init: RequestInit): Promise<RequestInit> {
  const buffer = await new Response(init.body as BodyInit).arrayBuffer();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(buffer));
      controller.close();
    },
  });
  return { ...init, body, duplex: "half" } as RequestInit;
}

/**
 * How the transport sends: through the caller's `fetch` with a real `Request`, else straight to
 * `globalThis.fetch(url, init)` (one Request fewer to build). On Deno, a request that must not
 * be sent twice gets a body stream, whichever fetch sends it: Deno's fetch silently sends a
 * request again, on a new connection, when its connection closes before the answer (for
 * create-call, a second dial), unless the body is a stream it cannot replay. Such a body goes
 * out chunked on HTTP/1.1.
 */
export function createDispatch(
  customFetch: FetchFunction | undefined,
  globals: object = globalThis,
): Dispatch {
  const send: Dispatch = customFetch
    ? (url, init) => customFetch(new Request(url, init))
    : (url, init) => globalThis.fetch(url, init);
  if ((globals as { Deno?: unknown }).Deno === undefined) return send;
  return (url, init) => {
    const { method = "GET", body } = init;
    if (body == null || isIdempotent(method, new Headers(init.headers))) return send(url, init);
    return unreplayable(init).then((once) => send(url, once));
  };
}
