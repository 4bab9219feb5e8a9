/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix time in ms, version 7, variant 10, random bits.
 *
 * @example
 * uuidV7(); // "019eb7e0-075d-742b-91ea-94cddde0534a"
 */
export function uuidV7(now: number = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const base64url = (text: string) =>
  btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/**
 * A token shaped like a LiveKit access token (a JWT granting `roomJoin` to `room`). Its
 * signature is random: it is for tests, and no LiveKit server accepts it.
 *
 * @example
 * const token = fakeLiveKitToken("call_019eb7e0-075d-742b-91ea-94cddde0534a");
 */
export function fakeLiveKitToken(room: string, now: number = Date.now()): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const iat = Math.floor(now / 1000);
  const claims = {
    iss: "agni-mock",
    sub: `agent-${room}`,
    iat,
    exp: iat + 600,
    video: { room, roomJoin: true },
  };
  const signature = base64url(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  return `${header}.${base64url(JSON.stringify(claims))}.${signature}`;
}
