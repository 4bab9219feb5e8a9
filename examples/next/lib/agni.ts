/** Shared by the Next.js route handlers beside it: one client, one sign-in check. */
import { createAgniClient } from "agni-client";

export const agni = createAgniClient(); // AGNI_API_KEY from the environment (server only)

/** Yours: who is signed in, from the session cookie. */
declare function userIdFrom(cookieHeader: string | null): Promise<string | null>;

export async function signedInUser(request: Request): Promise<string | null> {
  return userIdFrom(request.headers.get("cookie"));
}
