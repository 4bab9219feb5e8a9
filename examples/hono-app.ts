/**
 * A Hono app with both handlers: `POST /api/web-call` and the `/api/agni/*` proxy. Hono hands
 * them the fetch Request (`c.req.raw`) and sends back the Response they make. Serve it with
 * `export default app` (Workers, Bun, Deno) or `@hono/node-server` in Node.
 */
import type { AgniClient } from "agni-client";
import { createAgniProxy, createWebCallHandler } from "agni-client/server";
import { Hono } from "hono";

export function createApp(agni: AgniClient): Hono {
  const webCall = createWebCallHandler({ client: agni, agentIds: ["agent_support"] });
  const proxy = createAgniProxy({
    client: agni,
    basePath: "/api/agni",
    allow: [
      {
        method: "POST",
        path: "/api/v1/calling/create-call",
        body: { type: ["web_call"], agent_id: ["agent_support"] },
      },
    ],
    // Your rate limit, say: a Response of your own is sent as it is.
    authorize: (request) =>
      request.headers.get("x-too-many") === null ||
      new Response("Too many calls", { status: 429, headers: { "retry-after": "60" } }),
  });

  const app = new Hono();
  app.all("/api/web-call", (c) => webCall(c.req.raw));
  app.all("/api/agni/*", (c) => proxy(c.req.raw));
  return app;
}
