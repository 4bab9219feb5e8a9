import { describe, expect, it } from "vitest";
import {
  AgniAPIError,
  AgniAuthenticationError,
  AgniBadRequestError,
  AgniConflictError,
  AgniInternalServerError,
  AgniNotFoundError,
  AgniPermissionDeniedError,
  AgniRateLimitError,
  AgniUnprocessableEntityError,
} from "../../../src/errors/index.js";
import { apiErrorFromAnswer, type ReadAnswer } from "../../../src/errors/from-response.js";
import { createRedactor } from "../../../src/support/redact.js";

const KEY = "sk_live_fromresponse_77";
const answer = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ReadAnswer => ({
  response: { status, statusText: "", headers: new Headers(headers) },
  body,
  attempts: 1,
  earlierAttemptMayHaveTakenEffect: false,
  redact: createRedactor([KEY]),
});

describe("apiErrorFromAnswer", () => {
  it("picks the class by status", () => {
    const classes = {
      400: AgniBadRequestError,
      401: AgniAuthenticationError,
      403: AgniPermissionDeniedError,
      404: AgniNotFoundError,
      409: AgniConflictError,
      418: AgniAPIError,
      422: AgniUnprocessableEntityError,
      429: AgniRateLimitError,
      500: AgniInternalServerError,
      503: AgniInternalServerError,
      300: AgniAPIError,
    };
    for (const [status, ErrorClass] of Object.entries(classes)) {
      const error = apiErrorFromAnswer(answer(Number(status), ""));
      expect(error.constructor, status).toBe(ErrorClass);
      expect(error.status).toBe(Number(status));
    }
  });

  it("is safe to retry for a 4xx only, and never after an attempt that may have taken effect", () => {
    expect(apiErrorFromAnswer(answer(400, "")).safeToRetry).toBe(true);
    expect(apiErrorFromAnswer(answer(499, "")).safeToRetry).toBe(true);
    expect(apiErrorFromAnswer(answer(500, "")).safeToRetry).toBe(false);
    expect(apiErrorFromAnswer(answer(303, "")).safeToRetry).toBe(false);
    expect(apiErrorFromAnswer(answer(304, "")).safeToRetry).toBe(false);
    const afterReset = { ...answer(429, ""), earlierAttemptMayHaveTakenEffect: true };
    expect(apiErrorFromAnswer(afterReset).safeToRetry).toBe(false);
    const unusable = { message: "declined", safeToRetry: true };
    expect(apiErrorFromAnswer(answer(200, {}), unusable).safeToRetry).toBe(true);
    expect(apiErrorFromAnswer(afterReset, unusable).safeToRetry).toBe(false);
  });

  it("takes the body's message, cut to 200 characters, and keeps the whole body", () => {
    const long = "m".repeat(10_000);
    const error = apiErrorFromAnswer(answer(400, { message: long, code: "INVALID_REQUEST" }));
    expect(error.message).toBe(`${"m".repeat(200)}…`);
    expect((error.body as { message: string }).message).toHaveLength(10_000);
    expect(error.code).toBe("INVALID_REQUEST");
  });

  it("keeps a server's own message as written, angle brackets included", () => {
    const error = apiErrorFromAnswer(
      answer(422, { message: "agent_id must match <agent_[a-z0-9]+>" }),
    );
    expect(error.message).toBe("agent_id must match <agent_[a-z0-9]+>");
  });

  it("describes empty, null, text and JSON bodies apart", () => {
    const withText = (body: unknown) =>
      apiErrorFromAnswer({
        ...answer(502, body),
        response: { status: 502, statusText: "Bad Gateway", headers: new Headers() },
      }).message;
    expect(withText("")).toBe("502 Bad Gateway with an empty body");
    expect(withText(null)).toBe("502 Bad Gateway: null");
    expect(withText("<h1>Bad</h1> gateway")).toBe("502 Bad Gateway: Bad gateway");
    expect(withText({ error: "x" })).toBe('502 Bad Gateway: {"error":"x"}');
    expect(withText({ message: "  " })).toBe('502 Bad Gateway: {"message":" "}');
    expect(withText([1, 2])).toBe("502 Bad Gateway: [1,2]");
    expect(apiErrorFromAnswer(answer(500, "")).message).toBe("500 with an empty body");
    expect(apiErrorFromAnswer(answer(500, null)).body).toBeNull();
    expect(apiErrorFromAnswer(answer(400, { code: 7 })).code).toBeUndefined();
  });

  it("redacts the key from message, body, headers, code and request id", () => {
    const error = apiErrorFromAnswer(
      answer(
        401,
        { message: `bad key ${KEY}`, code: KEY, [KEY]: KEY },
        { "x-request-id": `req-${KEY}`, "set-cookie": KEY },
      ),
    );
    const everything = JSON.stringify({ ...error, message: error.message });
    expect(everything).not.toContain(KEY);
    expect(error.message).toBe("bad key ***");
    expect(error.requestId).toBe("req-***");
    expect(error.code).toBe("***");
  });

  it("reads request-id when x-request-id is absent, and counts attempts", () => {
    const error = apiErrorFromAnswer({
      ...answer(404, "", { "request-id": "r-1" }),
      attempts: 3,
    });
    expect(error.requestId).toBe("r-1");
    expect(error.attempts).toBe(3);
    expect(error.message).toContain("(after 3 attempts)");
  });

  it("says when a 429 asks for a wait longer than the client honours", () => {
    const long = apiErrorFromAnswer(
      answer(429, "", { "retry-after": "3600" }),
    ) as AgniRateLimitError;
    expect(long.message).toContain("the server asks to wait 3600 s, over the client's 60 s limit");
    expect(long.retryAfterMs).toBe(3_600_000);
    const short = apiErrorFromAnswer(answer(429, "", { "retry-after": "60" }));
    expect(short.message).not.toContain("asks to wait");
    expect(apiErrorFromAnswer(answer(503, "", { "retry-after": "3600" })).message).not.toContain(
      "asks to wait",
    );
  });
});
