/**
 * A Cloudflare Worker that places an outbound call: `POST /call` with
 * `{ "to": "+12137774445" }`. The key comes from a Worker secret (`wrangler secret put
 * AGNI_API_KEY`).
 */
import { AgniError, createAgniClient } from "agni-client";

interface Env {
  AGNI_API_KEY: string;
  AGNI_AGENT_ID: string;
  AGNI_FROM_NUMBER: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST" || new URL(request.url).pathname !== "/call") {
      return new Response("Not found", { status: 404 });
    }
    const { to } = (await request.json()) as { to: string };
    const agni = createAgniClient({ apiKey: env.AGNI_API_KEY });
    try {
      const call = await agni.calls.createOutboundCall({
        agent_id: env.AGNI_AGENT_ID,
        from_phone_number: env.AGNI_FROM_NUMBER,
        to_phone_number: to,
      });
      return Response.json({ session_id: call.session_id });
    } catch (error) {
      if (!(error instanceof AgniError)) throw error;
      return Response.json(
        { error: error.message, safe_to_retry: error.safeToRetry },
        { status: error.name === "AgniValidationError" ? 400 : 502 },
      );
    }
  },
};
