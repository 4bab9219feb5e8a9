import { apiErrorFromAnswer, type UnusableAnswer } from "../errors/from-response.js";
import { cutShort, snippetOf } from "../errors/snippet.js";
import type { Exchange } from "../transport/types.js";
import { isPlainObject } from "../validation/json-value.js";
import type { CreateCallResult } from "./types.js";

// A field this code names: a spec that renames it fails the build here.
const SESSION_ID = "session_id" satisfies keyof CreateCallResult;

/** The body as JSON when it parses, else its text (`""` when empty). */
function parseBody(text: string): unknown {
  if (text === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads a create-call exchange, parsing its body once. An error status is its typed error. A
 * 2xx must be a JSON object: the documented flat body, or the `{ success, message, data }`
 * envelope the rest of the API uses (returned flat). A 2xx that says `success: false`, is not a
 * JSON object, or lacks one of `requiredFields` (as strings), is an error too; only
 * `success: false` (the server declined) is safe to retry, as the others may come from a call
 * that was created.
 */
export function readCreateCallResult(
  exchange: Exchange<string>,
  requiredFields: readonly (keyof CreateCallResult)[],
): CreateCallResult {
  const body = parseBody(exchange.body);
  const fail = (unusable?: UnusableAnswer) => apiErrorFromAnswer({ ...exchange, body }, unusable);
  const { status, headers } = exchange.response;
  if (status < 200 || status > 299) throw fail();
  const said = `create-call answered ${status}`;
  if (!isPlainObject(body)) {
    const type = headers.get("content-type") ?? "no content type";
    // Redacted before it is cut, so that no part of a key is left at the cut.
    const shown = exchange.body
      ? `: ${snippetOf(exchange.redact(exchange.body))}`
      : " (empty body)";
    throw fail({
      message: `${said} without a JSON object (${type})${shown}`,
      safeToRetry: false,
    });
  }
  if (body["success"] === false) {
    const own = body["message"];
    const detail = typeof own === "string" ? `: ${cutShort(exchange.redact(own))}` : "";
    throw fail({
      message: `${said} with success: false${detail}`,
      safeToRetry: true,
    });
  }
  const data = body["data"];
  let result: Record<string, unknown> = body;
  if (isPlainObject(data) && !(SESSION_ID in body)) {
    const { data: _envelope, ...outer } = body;
    result = { ...data, ...outer };
  }
  const missing = requiredFields.filter((field) => typeof result[field] !== "string");
  if (missing.length > 0) {
    throw fail({
      message: `${said} without ${missing.join(" and ")}`,
      safeToRetry: false,
    });
  }
  return result as CreateCallResult;
}
