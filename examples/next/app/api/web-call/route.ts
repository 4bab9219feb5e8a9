/** Next.js App Router: `POST /api/web-call` starts a web call for the signed-in user. */
import { createWebCallHandler } from "agni-client/server";
import { agni, signedInUser } from "../../../lib/agni.js";

export const POST = createWebCallHandler({
  client: agni,
  agentIds: ["agent_support", "agent_sales"], // the page may pick either; support by default
  authorize: async (request) => (await signedInUser(request)) !== null, // else 401
  metadata: async (request) => ({ user_id: await signedInUser(request) }),
});
