/**
 * The server side of the browser end-to-end: the page, its script, and agni-client/server's
 * web-call route and proxy in front of the mock Agni, with the key. Plain fetch handlers, run
 * by Node (server-node.mjs) and by workerd (server-worker.mjs).
 */
import { createAgniClient } from "agni-client";
import { createAgniProxy, createWebCallHandler } from "agni-client/server";

export const PAGE_AGENT = "agent_page";

export function createPageApp({ agniUrl, apiKey, runtime, html, script }) {
  const client = createAgniClient({ apiKey, baseUrl: agniUrl, maxRetries: 0, logLevel: "off" });
  const webCall = createWebCallHandler({
    client,
    agentIds: [PAGE_AGENT],
    metadata: () => ({ runtime }),
  });
  const proxy = createAgniProxy({
    client,
    basePath: "/api/agni",
    allow: [
      {
        method: "POST",
        path: "/api/v1/calling/create-call",
        body: { type: ["web_call"], agent_id: [PAGE_AGENT] },
      },
    ],
  });
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/") return new Response(html, { headers: { "content-type": "text/html" } });
    if (pathname === "/browser.js") {
      return new Response(script, { headers: { "content-type": "text/javascript" } });
    }
    if (pathname === "/api/web-call") return webCall(request);
    if (pathname.startsWith("/api/agni/")) return proxy(request);
    return new Response("Not found", { status: 404 });
  };
}
