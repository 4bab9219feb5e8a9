import { describe, expect, it } from "vitest";
import { readCreateCallResult } from "../../../src/calls/read-result.js";
import { AgniAPIError, AgniAuthenticationError } from "../../../src/errors/index.js";
import { createRedactor } from "../../../src/support/redact.js";
import type { Exchange } from "../../../src/transport/types.js";

const KEY = "sk_live_readresult_5";
const CALL = { session_id: "s1", room_id: "call_s1", access_token: "t", url: "wss://lk" };
const exchange = (status: number, body: string, contentType?: string): Exchange<string> => ({
  // A stand-in: a Response cannot have every status tested here (199, say).
  response: {
    status,
    statusText: "",
    headers: new Headers(contentType ? { "content-type": contentType } : {}),
  } as Response,
  body,
  attempts: 1,
  earlierAttemptMayHaveTakenEffect: false,
  redact: createRedactor([KEY]),
});
const read = (ex: Exchange<string>, required: readonly (keyof typeof CALL)[] = []) => {
  try {
    return readCreateCallResult(ex, required);
  } catch (error) {
    return error as AgniAPIError;
  }
};

describe("readCreateCallResult", () => {
  it("returns the flat body, and flattens the { data } envelope", () => {
    expect(read(exchange(200, JSON.stringify({ success: true, ...CALL })))).toEqual({
      success: true,
      ...CALL,
    });
    expect(
      read(exchange(201, JSON.stringify({ success: true, message: "ok", data: CALL }))),
    ).toEqual({
      success: true,
      message: "ok",
      ...CALL,
    });
    // A flat body that also has a data field is not an envelope.
    expect(read(exchange(200, JSON.stringify({ ...CALL, data: { x: 1 } })))).toEqual({
      ...CALL,
      data: { x: 1 },
    });
  });

  it("turns an error status into its typed error, body parsed once", () => {
    const error = read(exchange(401, JSON.stringify({ message: "bad key", code: "UNAUTHORIZED" })));
    expect(error).toBeInstanceOf(AgniAuthenticationError);
    expect((error as AgniAPIError).body).toEqual({ message: "bad key", code: "UNAUTHORIZED" });
    expect((read(exchange(199, "")) as AgniAPIError).status).toBe(199);
    expect((read(exchange(300, "")) as AgniAPIError).status).toBe(300);
  });

  it("refuses a 2xx that is not a JSON object, as possibly created", () => {
    for (const body of ["", "[]", "null", "<html>ok</html>", "{trunc"]) {
      const error = read(exchange(200, body, "text/html")) as AgniAPIError;
      expect(error, body).toBeInstanceOf(AgniAPIError);
      expect(error.safeToRetry).toBe(false);
      expect(error.message).toContain("create-call answered 200 without a JSON object (text/html)");
    }
    expect((read(exchange(200, "")) as AgniAPIError).message).toContain(
      "(no content type) (empty body)",
    );
    expect((read(exchange(200, "<b>ok</b>")) as AgniAPIError).message).toContain(": ok");
  });

  it("refuses success: false as declined (safe to retry), with the server's message cut short", () => {
    const error = read(
      exchange(200, JSON.stringify({ success: false, message: "m".repeat(500) })),
    ) as AgniAPIError;
    expect(error.safeToRetry).toBe(true);
    expect(error.message).toBe(`create-call answered 200 with success: false: ${"m".repeat(200)}…`);
    const bare = read(exchange(200, JSON.stringify({ success: false }))) as AgniAPIError;
    expect(bare.message).toBe("create-call answered 200 with success: false");
  });

  it("refuses a 2xx lacking a required field (as a string), as possibly created", () => {
    const { access_token: _t, ...noToken } = CALL;
    const error = read(exchange(200, JSON.stringify(noToken)), [
      "access_token",
      "url",
    ]) as AgniAPIError;
    expect(error.safeToRetry).toBe(false);
    expect(error.message).toBe("create-call answered 200 without access_token");
    const neither = read(exchange(200, JSON.stringify({ url: 5 })), [
      "access_token",
      "url",
    ]) as AgniAPIError;
    expect(neither.message).toBe("create-call answered 200 without access_token and url");
    expect(read(exchange(200, JSON.stringify(CALL)), ["access_token", "url"])).toEqual(CALL);
  });

  it("redacts the key from what it shows", () => {
    const error = read(exchange(200, `<p>${KEY}</p>`)) as AgniAPIError;
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error.body)).not.toContain(KEY);
  });
});
