import { AgniError, AgniTimeoutError, AgniValidationError, type AgniClient } from "../index.js";
import { headersToBrowser } from "./headers.js";
import type { JsonBody } from "./json-body.js";
import { refusal } from "./json-response.js";

/** A request the proxy decided to forward, in the parts it forwards. */
export interface ForwardedRequest {
  method: string;
  /** The path as matched, re-encoded (never the browser's own spelling). */
  path: string;
  /** The query string as the browser gave it, without `?`. */
  query: string;
  body: JsonBody;
  headers: Record<string, string>;
}

// The client keeps its key's redaction under this registered symbol (src/client.ts): the only
// way to it through the public entry, and no way to the key itself.
const REDACT = Symbol.for("agni-client.redact");
// Statuses whose answers carry no body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** The client's redaction of its own key, for text; none for a client made elsewhere. */
export function redactionOf(client: AgniClient): (text: string) => string {
  const redact = (client as unknown as Record<symbol, unknown>)[REDACT];
  return typeof redact === "function" ? (redact as (text: string) => string) : (text) => text;
}

/**
 * Sends a request through the client's typed openapi-fetch client (its key, time limits, retry
 * rules and redirect checks), and relays the answer: upstream's status and body, with its key
 * redacted, and only the headers in the safe list. A failure to get an answer is a 502, or a
 * 504 on a time-out.
 */
export async function forward(client: AgniClient, request: ForwardedRequest): Promise<Response> {
  let answer: Response | undefined;
  try {
    const { data } = await client.raw.request(
      // The path is any allowed template's, which the generated `paths` may not list yet.
      request.method as "post",
      request.path as "/api/v1/calling/create-call",
      {
        body: (request.body.present ? request.body.value : undefined) as never,
        headers: request.headers,
        querySerializer: () => request.query,
        parseAs: "stream",
        // openapi-fetch reads an error's body as text; keep the answer itself, bytes intact.
        middleware: [
          {
            onResponse: ({ response }) => {
              answer = response;
              return response.clone();
            },
          },
        ],
      },
    );
    // The clone's unread half; not awaited, as a tee settles its cancel only once both halves end.
    (data as ReadableStream | undefined)?.cancel().catch(() => undefined);
  } catch (error) {
    return upstreamFailure(error);
  }
  if (answer === undefined) return upstreamFailure(undefined);
  return relay(answer, redactionOf(client));
}

async function relay(answer: Response, redact: (text: string) => string): Promise<Response> {
  const headers = headersToBrowser(answer.headers, redact);
  headers.set("cache-control", "no-store");
  if (answer.status < 200 || answer.status > 599) return upstreamFailure(undefined);
  const body = NULL_BODY_STATUSES.has(answer.status)
    ? null
    : redactBytes(new Uint8Array(await answer.arrayBuffer()), redact);
  return new Response(body, { status: answer.status, headers });
}

/**
 * Hides the key in a body of any kind. The key is visible ASCII, so a byte-for-character
 * reading finds it in UTF-8 and binary alike, and leaves every other byte as it was.
 */
function redactBytes(
  bytes: Uint8Array<ArrayBuffer>,
  redact: (text: string) => string,
): Uint8Array<ArrayBuffer> {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  const redacted = redact(text);
  return redacted === text ? bytes : Uint8Array.from(redacted, (c) => c.charCodeAt(0));
}

/**
 * The answer when Agni could not be reached or did not answer usefully: 504 on a time-out,
 * else 502, with a short message of ours and never upstream's text. Errors that are not about
 * the exchange (your callbacks', bad values they returned) are rethrown for your framework.
 */
export function upstreamFailure(error: unknown): Response {
  if (error instanceof AgniTimeoutError) {
    return refusal(504, "The voice service did not answer in time.");
  }
  if (
    error === undefined ||
    (error instanceof AgniError && !(error instanceof AgniValidationError))
  ) {
    return refusal(502, "The voice service failed; try again later.");
  }
  throw error;
}
