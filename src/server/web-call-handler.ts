import type { AgniClient, WebCallParams } from "../index.js";
import { runAuthorize, type Authorize } from "./authorize.js";
import type { FetchHandler } from "./fetch-handler.js";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./json-body.js";
import { jsonResponse, refusal } from "./json-response.js";
import { checkWebCallOptions, throwIfIssues } from "./options.js";
import { upstreamFailure } from "./upstream.js";

/**
 * A value computed on the server from the incoming request, now or later.
 *
 * @example
 * const metadata: FromRequest<Record<string, unknown>> = async (request) => ({
 *   user_id: (await sessionOf(request)).userId,
 * });
 */
export type FromRequest<T> = (request: Request) => T | Promise<T>;

/**
 * Options of {@link createWebCallHandler}.
 *
 * @example
 * const options: WebCallHandlerOptions = {
 *   client: createAgniClient(),
 *   agentIds: ["agent_support", "agent_sales"],
 *   metadata: (request) => ({ page: new URL(request.url).searchParams.get("from") }),
 * };
 */
export interface WebCallHandlerOptions {
  /** A client made on the server, with the key. */
  client: AgniClient;
  /** The agents a page may start; the first is the default. */
  agentIds: readonly string[];
  /** The call's `metadata`, computed on the server (the page cannot set it). */
  metadata?: FromRequest<WebCallParams["metadata"]>;
  /** The call's `prompt_dynamic_variables`, computed on the server. */
  promptDynamicVariables?: FromRequest<WebCallParams["prompt_dynamic_variables"]>;
  /** Your check of each request (see {@link Authorize}); `false` answers 401. */
  authorize?: Authorize;
  /** Largest request body read, in bytes; a larger one is refused with 413. Default 16 KiB. */
  maxBodyBytes?: number;
}

/**
 * What the web-call handler answers: all a page needs to join the call's LiveKit room, and
 * nothing else of Agni's answer. `session_id` and `room_id` are `null` if Agni left them out.
 *
 * @example
 * const grant = (await (await fetch("/api/web-call", { method: "POST" })).json()) as WebCallGrant;
 * await new Room().connect(grant.url, grant.access_token); // livekit-client
 */
export interface WebCallGrant {
  access_token: string;
  url: string;
  session_id: string | null;
  room_id: string | null;
}

/**
 * The route behind a page's "start a call" button: `POST` with an optional JSON body
 * `{ agent_id }` (one of `agentIds`; the first by default) creates a web call with the
 * server's key and answers 200 with exactly {@link WebCallGrant} and `Cache-Control: no-store`.
 *
 * Refusals, each `{ success: false, message }`, with nothing sent to Agni: another method →
 * 405 with `Allow: POST`; `authorize` returning `false` → 401 (or its own `Response`); a body
 * over `maxBodyBytes` → 413; a body that is not JSON, not an object, or has a field other than
 * `agent_id` → 400; an agent not in `agentIds` → 403. When Agni fails → 502, or 504 on a
 * time-out, with a short message of ours (never Agni's text, a stack or the key).
 *
 * `authorize`, `metadata` and `promptDynamicVariables` get the incoming request: read its
 * headers, cookies and URL (the handler reads the body itself). What they throw, and an
 * `AgniValidationError` for values they return that the API cannot take, are rethrown
 * for your framework to log.
 *
 * @example
 * // app/api/web-call/route.ts (Next.js)
 * export const POST = createWebCallHandler({
 *   client: createAgniClient(), // AGNI_API_KEY from the environment
 *   agentIds: ["agent_support"],
 *   metadata: async (request) => ({ user_id: await userIdFrom(request) }),
 *   authorize: async (request) => (await userIdFrom(request)) !== null,
 * });
 */
export function createWebCallHandler(options: WebCallHandlerOptions): FetchHandler {
  throwIfIssues("createWebCallHandler", checkWebCallOptions({ ...options }));
  const { client, agentIds, metadata, promptDynamicVariables, authorize } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return async function webCallHandler(request) {
    if (request.method.toUpperCase() !== "POST") {
      return refusal(405, "Use POST to start a call.", { allow: "POST" });
    }
    const denied = await runAuthorize(authorize, request);
    if (denied) return denied;
    const body = await readJsonBody(request, maxBodyBytes);
    if (body instanceof Response) return body;
    const fields = body.present ? body.value : {};
    if (fields === null || typeof fields !== "object" || Array.isArray(fields)) {
      return refusal(400, 'The body must be a JSON object such as { "agent_id": "..." }.');
    }
    const extra = Object.keys(fields).find((field) => field !== "agent_id");
    if (extra !== undefined) return refusal(400, "The body may only have agent_id.");
    const asked = (fields as { agent_id?: unknown }).agent_id ?? agentIds[0];
    if (typeof asked !== "string") return refusal(400, "agent_id must be a string.");
    if (!agentIds.includes(asked)) return refusal(403, "This agent may not be started here.");

    const [callMetadata, variables] = await Promise.all([
      metadata?.(request),
      promptDynamicVariables?.(request),
    ]);
    try {
      const call = await client.calls.createWebCall({
        agent_id: asked,
        ...(callMetadata !== undefined && { metadata: callMetadata }),
        ...(variables !== undefined && { prompt_dynamic_variables: variables }),
      });
      const grant: WebCallGrant = {
        access_token: call.access_token,
        url: call.url,
        session_id: call.session_id ?? null,
        room_id: call.room_id ?? null,
      };
      return jsonResponse(200, grant);
    } catch (error) {
      return upstreamFailure(error);
    }
  };
}
