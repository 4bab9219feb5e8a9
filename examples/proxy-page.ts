/**
 * A page using agni-client without a key, through the proxy (next/app/api/agni or
 * worker-proxy.ts): typed results, and typed errors for what the proxy refuses.
 */
import { AgniAPIError, AgniPermissionDeniedError, createAgniClient } from "agni-client";
import { Room } from "livekit-client";

const agni = createAgniClient({ baseUrl: "/api/agni" }); // no key: the proxy adds it

export async function talkTo(agent_id: string): Promise<Room | undefined> {
  try {
    const { access_token, url } = await agni.calls.createWebCall({ agent_id });
    const room = new Room();
    await room.connect(url, access_token);
    return room;
  } catch (error) {
    if (error instanceof AgniPermissionDeniedError) {
      console.warn(`The server does not let this page start ${agent_id}`); // 403 from the proxy
      return undefined;
    }
    if (error instanceof AgniAPIError && error.status === 401) {
      location.assign("/sign-in"); // the proxy's authorize said no
      return undefined;
    }
    throw error;
  }
}
