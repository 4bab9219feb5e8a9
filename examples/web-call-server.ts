/**
 * A server route that creates a web call and hands the browser what it needs to join:
 * `POST /api/web-call` answers `{ access_token, url, session_id }`. A plain fetch handler, so
 * it runs as is in Bun (`Bun.serve({ fetch: handleRequest })`), Deno (`Deno.serve`), Hono or a
 * Next.js route; the key never leaves the server.
 */
import { AgniAPIError, AgniValidationError, createAgniClient } from "agni-client";

const agni = createAgniClient(); // AGNI_API_KEY from the environment
const AGENT_ID = "your-agent-id";

export async function handleRequest(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST" || pathname !== "/api/web-call") {
    return new Response("Not found", { status: 404 });
  }
  const { customerName = "there" } = (await request.json().catch(() => ({}))) as {
    customerName?: string;
  };
  try {
    const call = await agni.calls.createWebCall({
      agent_id: AGENT_ID,
      prompt_dynamic_variables: { customer_name: customerName },
    });
    return Response.json({
      access_token: call.access_token,
      url: call.url,
      session_id: call.session_id,
    });
  } catch (error) {
    if (error instanceof AgniValidationError) return Response.json(error.issues, { status: 400 });
    if (error instanceof AgniAPIError) {
      return Response.json({ error: error.message, request_id: error.requestId }, { status: 502 });
    }
    throw error;
  }
}
