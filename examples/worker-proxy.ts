/**
 * A Cloudflare Worker for a page's calls: `POST /api/web-call` starts one, and `/api/agni/*`
 * lets the page's keyless client create web calls with two agents and nothing else. The key
 * is a Worker secret (`wrangler secret put AGNI_API_KEY`); handlers are made once per isolate.
 */
import { createAgniClient } from "agni-client";
import { createAgniProxy, createWebCallHandler, type FetchHandler } from "agni-client/server";

interface Env {
  AGNI_API_KEY: string;
}

const AGENTS = ["agent_support", "agent_sales"];
let handlers: { webCall: FetchHandler; proxy: FetchHandler } | undefined;

function handlersFor(env: Env) {
  const client = createAgniClient({ apiKey: env.AGNI_API_KEY });
  return {
    webCall: createWebCallHandler({ client, agentIds: AGENTS }),
    proxy: createAgniProxy({
      client,
      basePath: "/api/agni",
      allow: [
        {
          method: "POST",
          path: "/api/v1/calling/create-call",
          body: { type: ["web_call"], agent_id: AGENTS },
        },
      ],
    }),
  };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    handlers ??= handlersFor(env);
    const { pathname } = new URL(request.url);
    if (pathname === "/api/web-call") return handlers.webCall(request);
    if (pathname.startsWith("/api/agni/")) return handlers.proxy(request);
    return new Response("Not found", { status: 404 });
  },
};
