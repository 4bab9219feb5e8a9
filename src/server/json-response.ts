/** Headers on every answer the server handlers make themselves. */
const OWN_HEADERS = {
  "content-type": "application/json",
  // Answers carry call tokens or account data: no cache may keep them.
  "cache-control": "no-store",
};

/** A JSON answer that no cache keeps. */
export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  for (const [name, value] of Object.entries(OWN_HEADERS)) merged.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: merged });
}

/** A refusal, `{ success: false, message }`, in the shape of the Agni API's own errors. */
export function refusal(status: number, message: string, headers: HeadersInit = {}): Response {
  return jsonResponse(status, { success: false, message }, headers);
}
