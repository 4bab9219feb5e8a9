const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How many same-origin redirects one attempt follows. */
export const MAX_REDIRECTS = 5;

/** Why a redirect was not followed. */
export type RedirectReason =
  | "hidden" // a browser's opaque redirect: the location is not revealed
  | "no-location"
  | "unreadable-location"
  | "other-origin"
  | "method-change"
  | "too-many";

/** A redirect the client would not follow. */
export interface RedirectRefusal {
  reason: RedirectReason;
  /** The redirect's status (0 when a browser hid it). */
  status: number;
  /** Where it pointed, as an absolute URL; `""` when unknown. */
  location: string;
}

/** What to do with an answer: follow it to a URL, refuse it, or (undefined) keep it. */
export type RedirectStep = { follow: string } | { refuse: RedirectRefusal } | undefined;

/**
 * Decides on a redirect answer to `method` at `from`. Only redirects within the API's origin
 * that keep the method are followed (307, 308, or any for GET and HEAD), at most
 * {@link MAX_REDIRECTS} per attempt: the key never goes elsewhere, and a POST never turns into
 * a GET that would lose its body.
 */
export function redirectStep(
  response: Pick<Response, "status" | "type" | "headers">,
  from: string,
  method: string,
  apiOrigin: string,
  hop: number,
): RedirectStep {
  const { status } = response;
  if (response.type === "opaqueredirect")
    return { refuse: { reason: "hidden", status, location: "" } };
  if (!REDIRECT_STATUSES.has(status)) return undefined;
  const header = response.headers.get("location");
  if (header === null) return { refuse: { reason: "no-location", status, location: "" } };
  let url: URL;
  try {
    url = new URL(header, from);
  } catch {
    return { refuse: { reason: "unreadable-location", status, location: "" } };
  }
  const location = url.href;
  const keepsMethod = status === 307 || status === 308 || method === "GET" || method === "HEAD";
  let reason: RedirectReason | undefined;
  if (url.origin !== apiOrigin) reason = "other-origin";
  else if (!keepsMethod) reason = "method-change";
  else if (hop >= MAX_REDIRECTS) reason = "too-many";
  return reason ? { refuse: { reason, status, location } } : { follow: location };
}
