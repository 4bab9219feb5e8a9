/** A JSON answer. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** An error answer shaped as the API's: `{ success: false, message, code }`. */
export const failure = (status: number, code: string, message: string, extra: object = {}) =>
  json(status, { success: false, message, code, ...extra });

// Statuses whose responses carry no body: the Response constructor refuses one.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A scripted answer as a Response: an object or array as JSON, a string as it is, nothing as an
 * empty body; statuses that carry no body get none, whatever was scripted.
 */
export function scriptedResponse(
  status: number,
  body: unknown,
  headers: Record<string, string>,
): Response {
  if (NULL_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
  if (body === undefined || typeof body === "string")
    return new Response(body, { status, headers });
  return json(status, body, headers);
}
