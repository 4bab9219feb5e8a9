import { readWhole } from "./read-body.js";
import type { Transport } from "./types.js";

/**
 * A fetch function over the transport, for openapi-fetch's client (`agni.raw`): it sends a
 * `Request`'s parts and returns the final answer, its body downloaded within the time limit.
 */
export function fetchOverTransport(transport: Transport): (request: Request) => Promise<Response> {
  return async (request) => {
    const exchange = await transport.send(
      {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: request.body === null ? null : await request.arrayBuffer(),
        signal: request.signal,
      },
      {},
      readWhole,
    );
    return exchange.body;
  };
}
