/**
 * Which headers cross the proxy, as allow-lists: whatever is not named here stays behind, so
 * `X-Api-Key`, `Cookie`, `Authorization`, `Forwarded`/`X-Forwarded-*`, hop-by-hop headers and
 * `Set-Cookie` can never cross, nor any header invented later.
 */

/**
 * From the browser to Agni: content negotiation only. The client adds its own key, `Accept`
 * and `X-Agni-Client`; `Idempotency-Key` stays behind too, as it would let a visitor switch the
 * server's client to retrying a create-call after a time-out.
 */
const TO_UPSTREAM = ["accept", "accept-language"];

/**
 * From Agni to the browser: what a client needs to read the answer, support tickets and rate
 * limits (the browser's agni-client reads `retry-after-ms` as well as `Retry-After`).
 */
export const TO_BROWSER = [
  "content-type",
  "x-request-id",
  "request-id",
  "retry-after",
  "retry-after-ms",
];

// Longer values are dropped: Agni's front end would refuse them (431), for negotiation alone.
const MAX_FORWARDED_VALUE = 1024;

/** The browser's headers that may go on to Agni. */
export function headersToUpstream(inbound: Headers): Record<string, string> {
  // A header the sender names in `Connection` is hop-by-hop, whatever its name.
  const hopByHop = (inbound.get("connection") ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim());
  const out: Record<string, string> = {};
  for (const name of TO_UPSTREAM) {
    const value = inbound.get(name);
    if (value !== null && value.length <= MAX_FORWARDED_VALUE && !hopByHop.includes(name)) {
      out[name] = value;
    }
  }
  return out;
}

/** Agni's headers that may go back to the browser, each value passed through `redact`. */
export function headersToBrowser(upstream: Headers, redact: (text: string) => string): Headers {
  const out = new Headers();
  for (const name of TO_BROWSER) {
    const value = upstream.get(name);
    if (value !== null) out.set(name, redact(value));
  }
  return out;
}
