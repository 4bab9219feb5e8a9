import { refusal } from "./json-response.js";

/**
 * Your check of an incoming request, run before anything is read or sent: `true` lets it
 * through, `false` refuses it with 401, and a `Response` (a 403, a 429 with `Retry-After`, a
 * redirect to sign in) is sent as it is. Anything else refuses, as `false` does.
 *
 * @example
 * const authorize: Authorize = async (request) =>
 *   (await sessionFrom(request.headers.get("cookie"))) !== null;
 */
export type Authorize = (request: Request) => boolean | Response | Promise<boolean | Response>;

/** Runs `authorize`: `undefined` to go on, else the answer to send. */
export async function runAuthorize(
  authorize: Authorize | undefined,
  request: Request,
): Promise<Response | undefined> {
  if (authorize === undefined) return undefined;
  const verdict = await authorize(request);
  if (verdict === true) return undefined;
  if (verdict instanceof Response) return verdict;
  return refusal(401, "This request is not authorized.");
}
