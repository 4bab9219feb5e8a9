const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How many same-origin redirects one attempt follows. */
export const MAX_REDIRECTS = 5;

/** A redirect the client would not follow. */
export interface RedirectRefusal {
  /** The redirect's status (0 when a browser hid it). */
  status: number;
  /** Where it pointed, as an absolute URL; `""` when unknown. */
  location: string;
  /** Where it led and why it was not followed, as the error message says it. */
  problem: string;
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
  const refuse = (problem: string, location = ""): RedirectStep => ({
    refuse: { status, location, problem },
  });
  if (response.type === "opaqueredirect") {
    return refuse("to a location the browser does not reveal; not followed");
  }
  if (!REDIRECT_STATUSES.has(status)) return undefined;
  const header = response.headers.get("location");
  if (header === null) return refuse("without a Location header; not followed");
  let url: URL;
  try {
    url = new URL(header, from);
  } catch {
    return refuse("to a Location that is not a URL; not followed");
  }
  const location = url.href;
  if (url.origin !== apiOrigin) {
    const problem = `to another origin, ${location}; not followed, so the API key stays with ${apiOrigin}`;
    return refuse(problem, location);
  }
  if (status !== 307 && status !== 308 && method !== "GET" && method !== "HEAD") {
    const problem = `to ${location} with a status that would turn ${method} into GET; not followed`;
    return refuse(problem, location);
  }
  if (hop >= MAX_REDIRECTS) {
    return refuse(`more than ${MAX_REDIRECTS} times; stopped at ${location}`, location);
  }
  return { follow: location };
}
