import type { AgniClient, paths } from "../index.js";
import { runAuthorize, type Authorize } from "./authorize.js";
import { refusedField, type BodyRules } from "./body-rules.js";
import { corsHeaders, isPreflight, preflightAnswer, type ProxyCorsOptions } from "./cors.js";
import type { FetchHandler } from "./fetch-handler.js";
import { headersToUpstream } from "./headers.js";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody, type JsonBody } from "./json-body.js";
import { refusal } from "./json-response.js";
import { checkProxyOptions, throwIfIssues, type HttpMethod } from "./options.js";
import {
  encodePath,
  matchesTemplate,
  parseTemplate,
  splitRequestPath,
  type TemplateSegment,
} from "./path-template.js";
import { forward } from "./upstream.js";

/**
 * A path template: a path of the generated spec, or any other `/…` path (one upstream added
 * before you regenerated, say). A `{param}` matches exactly one non-empty segment.
 *
 * @example
 * const template: PathTemplate = "/api/v1/calling/call-sessions-detail/{id}";
 */
// `& {}` keeps the spec's paths offered by editors while any `/…` string is accepted.
export type PathTemplate = keyof paths | (`/${string}` & {});

/**
 * One kind of request the proxy forwards.
 *
 * @example
 * const webCalls: AllowedRequest = {
 *   method: "POST",
 *   path: "/api/v1/calling/create-call",
 *   body: { type: ["web_call"], agent_id: ["agent_123"] },
 * };
 */
export interface AllowedRequest {
  method: HttpMethod;
  path: PathTemplate;
  /**
   * Top-level body fields and the values each may take: a field listed must be present and one
   * of its values; fields not listed pass unchecked.
   */
  body?: BodyRules;
}

/**
 * Options of {@link createAgniProxy}.
 *
 * @example
 * const options: AgniProxyOptions = {
 *   client: createAgniClient(),
 *   basePath: "/api/agni",
 *   allow: [{ method: "POST", path: "/api/v1/calling/create-call", body: { type: ["web_call"] } }],
 * };
 */
export interface AgniProxyOptions {
  /** A client made on the server, with the key: its time limits and retry rules apply. */
  client: AgniClient;
  /** Where the proxy is mounted, as the page's `baseUrl`: `"/api/agni"`. */
  basePath: string;
  /** The only requests forwarded; anything else is refused and nothing is sent. */
  allow: readonly AllowedRequest[];
  /** Your check of each request (see {@link Authorize}); `false` answers 401. */
  authorize?: Authorize;
  /** Largest request body read, in bytes; a larger one is refused with 413. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Cross-origin pages allowed to call the proxy. Default none: same-origin only. */
  cors?: ProxyCorsOptions;
}

interface Route {
  method: string;
  template: TemplateSegment[];
  body: BodyRules | undefined;
}

const BODYLESS = new Set(["GET", "HEAD"]);

/**
 * A same-origin proxy for a keyless `createAgniClient({ baseUrl: "/api/agni" })` in a page: it
 * forwards the requests on its `allow` list through your server's client, which adds the key,
 * and refuses everything else without sending anything:
 *
 * - a path outside `basePath`, or on no entry → 404; a method no entry allows there → 405
 *   (with `Allow`);
 * - `%2F`, `%5C`, an empty segment (double or trailing slash), a dot segment however encoded,
 *   a double encoding, bad percent-encoding → 400;
 * - `authorize` returning `false` → 401 (or its own `Response`);
 * - a body over `maxBodyBytes` → 413; a body that is not JSON → 400; a body field with a value
 *   the entry does not allow → 403.
 *
 * Only `Accept` and `Accept-Language` go on to Agni (never the visitor's `X-Api-Key`,
 * `Cookie`, `Authorization`, forwarding or hop-by-hop headers); only `Content-Type`, the request
 * id and `Retry-After` come back (never `Set-Cookie`), with `Cache-Control: no-store`. Upstream's
 * status and body come back as they are (the key redacted should Agni echo it); when Agni
 * cannot be reached the answer is 502, or 504 on a time-out.
 *
 * @example
 * // app/api/agni/[...path]/route.ts (Next.js)
 * const proxy = createAgniProxy({
 *   client: createAgniClient(), // AGNI_API_KEY from the environment
 *   basePath: "/api/agni",
 *   allow: [
 *     { method: "POST", path: "/api/v1/calling/create-call", body: { type: ["web_call"], agent_id: ["agent_123"] } },
 *     { method: "GET", path: "/api/v1/calling/call-sessions-detail/{id}" },
 *   ],
 *   authorize: (request) => isSignedIn(request),
 * });
 * export { proxy as GET, proxy as POST };
 */
export function createAgniProxy(options: AgniProxyOptions): FetchHandler {
  throwIfIssues("createAgniProxy", checkProxyOptions({ ...options }));
  const { client, authorize, cors, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const basePath = options.basePath.replace(/\/$/, "");
  const routes: Route[] = options.allow.map((entry) => ({
    method: entry.method,
    template: parseTemplate(entry.path) as TemplateSegment[],
    body: entry.body,
  }));

  async function handle(request: Request, corsOut: Headers): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) return refusal(404, "Not found.");
    const segments = splitRequestPath(url.pathname.slice(basePath.length));
    if (!Array.isArray(segments)) return refusal(400, `The path ${segments.refused}.`);
    const onPath = routes.filter((route) => matchesTemplate(route.template, segments));
    if (onPath.length === 0) return refusal(404, "Not found.");
    const methods = [...new Set(onPath.map((route) => route.method))];
    const asked = request.headers.get("access-control-request-method") ?? "";
    if (
      isPreflight(request) &&
      corsOut.has("access-control-allow-origin") &&
      methods.includes(asked)
    ) {
      return preflightAnswer(corsOut, request, methods);
    }
    const method = request.method.toUpperCase();
    const forMethod = onPath.filter((route) => route.method === method);
    if (forMethod.length === 0) {
      return refusal(405, "This method is not allowed here.", { allow: methods.join(", ") });
    }
    const denied = await runAuthorize(authorize, request);
    if (denied) return denied;
    const body: JsonBody | Response = BODYLESS.has(method)
      ? { present: false }
      : await readJsonBody(request, maxBodyBytes);
    if (body instanceof Response) return body;
    if (!forMethod.some((route) => !route.body || refusedField(route.body, body) === undefined)) {
      const field = refusedField(forMethod[0]!.body!, body);
      return refusal(403, `This request's body field "${field}" has a value not allowed here.`);
    }
    return forward(client, {
      method,
      path: encodePath(segments),
      query: url.search.slice(1),
      body,
      headers: headersToUpstream(request.headers),
    });
  }

  return async function agniProxy(request) {
    const corsOut = corsHeaders(cors, request);
    return withHeaders(await handle(request, corsOut), corsOut);
  };
}

/** `answer` with `extra` headers set on it (the same answer when there are none). */
function withHeaders(answer: Response, extra: Headers): Response {
  if ([...extra].length === 0) return answer;
  const headers = new Headers(answer.headers);
  for (const [name, value] of extra) headers.set(name, value);
  return new Response(answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
}
