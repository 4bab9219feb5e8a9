import type { CreateCallResult } from "../index.js";
import type { CallInput } from "./call-input.js";

const TOKEN_SHOWN = 16;

/**
 * A token cut to its first characters and its length: enough to recognise it, too little to
 * join the room with it.
 *
 * @example
 * shortenToken("eyJhbGciOiJIUzI1NiJ9.eyJ2aWRlbyI6e30.c2ln"); // "eyJhbGciOiJIUzI1…(41 chars)"
 */
export function shortenToken(token: string | undefined): string {
  if (!token) return "(none)";
  if (token.length <= TOKEN_SHOWN) return `…(${token.length} chars)`;
  return `${token.slice(0, TOKEN_SHOWN)}…(${token.length} chars)`;
}

/**
 * The readable summary of a created call: session id, room, LiveKit url and the token
 * shortened. Pass values already redacted: shortening must not reveal the start of a secret.
 *
 * @example
 * out.stdout(formatCallSummary(input, result));
 */
export function formatCallSummary(input: CallInput, result: CreateCallResult): string {
  const title =
    input.kind === "web"
      ? "Web call created."
      : `Outbound call placed from ${input.params.from_phone_number} to ${input.params.to_phone_number}.`;
  const rows: [string, string | undefined][] = [
    ["session id", result.session_id],
    ["room", result.room_id],
    ["LiveKit url", result.url],
    ["token", shortenToken(result.access_token)],
  ];
  if (result.message) rows.push(["message", result.message]);
  const lines = rows.map(([label, value]) => `  ${label.padEnd(12)}${value ?? "(none)"}`);
  return `${[title, ...lines].join("\n")}\n`;
}
