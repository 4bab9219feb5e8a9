/**
 * Next.js App Router: `/api/agni/*`, the same-origin proxy behind a keyless
 * `createAgniClient({ baseUrl: "/api/agni" })` in the page (see proxy-page.ts).
 */
import { createAgniProxy } from "agni-client/server";
import { agni, signedInUser } from "../../../../lib/agni.js";

const proxy = createAgniProxy({
  client: agni,
  basePath: "/api/agni",
  allow: [
    // Web calls with these agents only: no outbound calls from the page.
    {
      method: "POST",
      path: "/api/v1/calling/create-call",
      body: { type: ["web_call"], agent_id: ["agent_support", "agent_sales"] },
    },
    { method: "GET", path: "/api/v1/calling/call-sessions-detail/{id}" },
  ],
  authorize: async (request) => (await signedInUser(request)) !== null,
});

export { proxy as GET, proxy as POST };
