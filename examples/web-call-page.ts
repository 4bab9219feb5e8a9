/**
 * The browser side of a web call: ask your server for a call (see web-call-server.ts), then
 * join its LiveKit room with livekit-client. The page never sees the API key.
 */
import type { WebCallGrant } from "agni-client/server";
import { Room, RoomEvent, Track } from "livekit-client";

export async function startWebCall(customerName: string): Promise<Room> {
  const response = await fetch(`/api/web-call?name=${encodeURIComponent(customerName)}`, {
    method: "POST",
  });
  if (!response.ok) throw new Error(`Could not start the call (${response.status})`);
  const { access_token, url } = (await response.json()) as WebCallGrant;

  const room = new Room();
  room.on(RoomEvent.TrackSubscribed, (track) => {
    if (track.kind === Track.Kind.Audio) document.body.append(track.attach()); // the agent's voice
  });
  await room.connect(url, access_token);
  await room.localParticipant.setMicrophoneEnabled(true);
  return room;
}
