import { readBodyWithLimit, TOO_LARGE } from "./body-limit.js";
import { refusal } from "./json-response.js";

/** 16 KiB: far more than any call request needs, far less than an attacker would like. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** A request's JSON body: absent (an empty body), or the parsed value. */
export type JsonBody = { present: false } | { present: true; value: unknown };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads and parses a request's body as JSON, up to `maxBytes`. An empty body is absent. The
 * refusals: over the limit → 413; not UTF-8 JSON, or not readable → 400.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<JsonBody | Response> {
  let bytes: Uint8Array | typeof TOO_LARGE;
  try {
    bytes = await readBodyWithLimit(request, maxBytes);
  } catch {
    return refusal(400, "The request body could not be read.");
  }
  if (bytes === TOO_LARGE) {
    return refusal(413, `The request body is larger than ${maxBytes} bytes.`);
  }
  if (bytes.byteLength === 0) return { present: false };
  try {
    return { present: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch {
    return refusal(400, "The request body must be JSON.");
  }
}
