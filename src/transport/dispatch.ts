import type { FetchFunction } from "../config/options.js";
import type { HeaderRecord } from "../support/header-record.js";
import { isIdempotent } from "./idempotent.js";
import type { OutgoingRequest } from "./types.js";

/** What one hop sends: the request's parts, its own signal, redirects left to the caller. */
export interface DispatchInit {
  method: string;
  headers: HeaderRecord;
  body: OutgoingRequest["body"];
  signal: AbortSignal;
  redirect: "manual";
}

/** What goes to fetch: on Deno, a one-shot stream body (with `duplex`, as fetch requires). */
type SentInit =
  | DispatchInit
  | (Omit<DispatchInit, "body"> & { body: ReadableStream<Uint8Array>; duplex: "half" });

/** Sends one HTTP request: the transport's only way out. */
export type Dispatch = (url: string, init: DispatchInit) => Promise<Response>;

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
  const send: (url: string, init: SentInit) => Promise<Response> = customFetch
    ? (url, init) => customFetch(new Request(url, init))
    : (url, init) => fetch(url, init);
  if ((globals as { Deno?: unknown }).Deno === undefined) return send;
  return (url, init) =>
    send(
      url,
      init.body === null || isIdempotent(init.method, init.headers)
        ? init
        : { ...init, body: new Blob([init.body]).stream(), duplex: "half" },
    );
}
