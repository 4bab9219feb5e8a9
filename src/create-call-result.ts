import { apiErrorFromResponse, snippetOf } from "./api-error-from-response.js";
import type { CreateCallResult } from "./call-params.js";
import { isPlainObject } from "./json-value.js";
import type { Redact } from "./redact.js";

// A field this code names: a spec that renames it fails the build here.
const SESSION_ID = "session_id" satisfies keyof CreateCallResult;

/**
 * Reads a 2xx create-call answer. Accepts the documented flat body and the
 * `{ success, message, data: {...} }` envelope the rest of the API uses, and returns the flat
 * form. A body that is not a JSON object, that says `success: false`, or that lacks one of
 * `requiredFields` (as strings), is an error; only `success: false` (the server declined) is
 * safe to retry, as the others may come from a call that was created.
 */
export function readCreateCallResult(
  response: Response,
  text: string | undefined,
  redact: Redact,
  requiredFields: readonly (keyof CreateCallResult)[] = [],
): CreateCallResult {
  let body: unknown;
  try {
    body = JSON.parse(text ?? "");
  } catch {
    body = undefined;
  }
  if (!isPlainObject(body)) {
    const type = response.headers.get("content-type") ?? "no content type";
    const shown = text ? `: ${snippetOf(text)}` : " (empty body)";
    throw apiErrorFromResponse(response, text ?? "", redact, {
      message: `create-call answered ${response.status} without a JSON object (${type})${shown}`,
      safeToRetry: false,
    });
  }
  if (body["success"] === false) {
    const detail = typeof body["message"] === "string" ? `: ${body["message"]}` : "";
    throw apiErrorFromResponse(response, body, redact, {
      message: `create-call answered ${response.status} with success: false${detail}`,
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
    throw apiErrorFromResponse(response, body, redact, {
      message: `create-call answered ${response.status} without ${missing.join(" and ")}`,
      safeToRetry: false,
    });
  }
  return result as CreateCallResult;
}
