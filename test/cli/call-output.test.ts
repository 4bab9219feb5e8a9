import { describe, expect, it } from "vitest";
import { formatCallSummary, shortenToken } from "../../src/cli/call-output.js";

const RESULT = {
  success: true,
  message: "call created successfully",
  access_token: "eyJhbGciOiJIUzI1NiJ9.eyJ2aWRlbyI6eyJyb29tIjoiY2FsbF8xIn19.c2lnbmF0dXJl",
  room_id: "call_019eb7e0",
  session_id: "019eb7e0",
  url: "wss://agni.livekit.example",
};

describe("shortenToken", () => {
  it("keeps 16 characters and the length", () => {
    expect(shortenToken(RESULT.access_token)).toBe(
      `eyJhbGciOiJIUzI1…(${RESULT.access_token.length} chars)`,
    );
  });
  it("shows nothing of a short token, and says when there is none", () => {
    expect(shortenToken("short-secret")).toBe("…(12 chars)");
    expect(shortenToken(undefined)).toBe("(none)");
  });
});

describe("formatCallSummary", () => {
  it("shows a web call's session, room, url and shortened token", () => {
    const text = formatCallSummary({ kind: "web", params: { agent_id: "a" }, options: {} }, RESULT);
    expect(text).toBe(
      [
        "Web call created.",
        "  session id  019eb7e0",
        "  room        call_019eb7e0",
        "  LiveKit url wss://agni.livekit.example",
        `  token       ${shortenToken(RESULT.access_token)}`,
        "  message     call created successfully",
        "",
      ].join("\n"),
    );
    expect(text).not.toContain(RESULT.access_token);
  });

  it("names an outbound call's numbers, and marks what the answer lacked", () => {
    const params = {
      agent_id: "a",
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
    };
    const text = formatCallSummary({ kind: "outbound", params, options: {} }, { session_id: "s" });
    expect(text).toMatch(/^Outbound call placed from \+14157774444 to \+12137774445\.\n/);
    expect(text).toContain("  room        (none)\n");
    expect(text).not.toContain("message");
  });
});
