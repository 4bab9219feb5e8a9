/**
 * Cross-origin access to the proxy, off unless asked for: pages on the listed origins may call
 * it, and no other. The headers that cross to Agni stay the same short list either way.
 *
 * @example
 * createAgniProxy({ client, basePath: "/api/agni", allow, cors: { origins: ["https://app.example.com"] } });
 */
export interface ProxyCorsOptions {
  /** Exact origins (`https://app.example.com`) whose pages may call the proxy. */
  origins: readonly string[];
  /** Let those pages send cookies (`credentials: "include"`). Default false. */
  credentials?: boolean;
}

const EXPOSED = "x-request-id, request-id, retry-after, retry-after-ms";
const PREFLIGHT_MAX_AGE_S = "600";

/** The CORS headers for a request from `origin`: none unless the origin is listed. */
export function corsHeaders(cors: ProxyCorsOptions | undefined, request: Request): Headers {
  const headers = new Headers();
  const origin = request.headers.get("origin");
  if (cors === undefined) return headers;
  headers.set("vary", "Origin");
  if (origin === null || !cors.origins.includes(origin)) return headers;
  headers.set("access-control-allow-origin", origin);
  headers.set("access-control-expose-headers", EXPOSED);
  if (cors.credentials === true) headers.set("access-control-allow-credentials", "true");
  return headers;
}

/** Whether a request is a CORS preflight (an `OPTIONS` asking about another method). */
export function isPreflight(request: Request): boolean {
  return request.method === "OPTIONS" && request.headers.has("access-control-request-method");
}

/**
 * The answer to a preflight from a listed origin for a method the path allows (the caller
 * checked both): 204 with the methods, and the request headers the browser asked about (they
 * are accepted, not forwarded).
 */
export function preflightAnswer(headers: Headers, request: Request, methods: readonly string[]) {
  headers.set("access-control-allow-methods", methods.join(", "));
  const asked = request.headers.get("access-control-request-headers");
  if (asked !== null) headers.set("access-control-allow-headers", asked);
  headers.set("access-control-max-age", PREFLIGHT_MAX_AGE_S);
  return new Response(null, { status: 204, headers });
}
