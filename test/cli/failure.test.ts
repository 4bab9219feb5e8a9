import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import {
  configFailure,
  failureFromError,
  inputFailure,
  issuesByFlag,
  usageFailure,
} from "../../src/cli/failure.js";
import {
  AgniAuthenticationError,
  AgniConnectionError,
  AgniInternalServerError,
  AgniRedirectError,
  AgniTimeoutError,
  AgniValidationError,
} from "../../src/index.js";

const apiInit = {
  message: "no",
  code: "UNAUTHORIZED",
  body: {},
  headers: {},
  requestId: "req-1",
  safeToRetry: true,
  attempts: 1,
};

describe("failureFromError", () => {
  it("maps bad input found by the SDK to 2, by flag", () => {
    const error = new AgniValidationError("bad", [
      { field: "to_phone_number", message: "must be E.164" },
      { field: "prompt_dynamic_variables.name", message: "must be JSON" },
    ]);
    expect(failureFromError(error, "call outbound")).toEqual(
      inputFailure(
        [
          { field: "--to", message: "must be E.164" },
          { field: "--var name", message: "must be JSON" },
        ],
        "call outbound",
      ),
    );
  });

  it("maps an API answer to 3 with its status, code and request id", () => {
    expect(failureFromError(new AgniAuthenticationError({ ...apiInit, status: 401 }))).toEqual({
      exitCode: EXIT.apiError,
      name: "AgniAuthenticationError",
      message: "no",
      status: 401,
      code: "UNAUTHORIZED",
      requestId: "req-1",
      safeToRetry: true,
    });
    const server = new AgniInternalServerError({ ...apiInit, status: 502, safeToRetry: false });
    expect(failureFromError(server)).toMatchObject({ exitCode: 3, safeToRetry: false });
    const redirect = new AgniRedirectError("moved", 301, "https://elsewhere.example", {
      safeToRetry: true,
      attempts: 1,
    });
    expect(failureFromError(redirect)).toMatchObject({ exitCode: 3, status: 301 });
  });

  it("maps a network failure or time-out to 4, saying whether a retry is safe", () => {
    const refused = new AgniConnectionError("refused", {
      safeToRetry: true,
      attempts: 3,
      cause: new Error("ECONNREFUSED"),
    });
    expect(failureFromError(refused)).toMatchObject({
      exitCode: EXIT.network,
      name: "AgniConnectionError",
      status: null,
      safeToRetry: true,
    });
    expect(failureFromError(new AgniTimeoutError(100, "POST x", 1))).toMatchObject({
      exitCode: EXIT.network,
      name: "AgniTimeoutError",
      safeToRetry: false,
    });
  });

  it("rethrows what is not the SDK's: a bug", () => {
    const bug = new TypeError("oops");
    expect(() => failureFromError(bug)).toThrow(bug);
  });
});

describe("issuesByFlag", () => {
  it("names the flag or variable that sets each field, and leaves others alone", () => {
    expect(
      issuesByFlag([
        { field: "agent_id", message: "m" },
        { field: "from_phone_number", message: "m" },
        { field: "metadata.a.b", message: "m" },
        { field: "options.timeoutMs", message: "m" },
        { field: "options.idempotencyKey", message: "m" },
        { field: "apiKey", message: "m" },
        { field: "baseUrl", message: "m" },
        { field: "other", message: "m" },
      ]).map((issue) => issue.field),
    ).toEqual([
      "--agent",
      "--from",
      "--metadata a.b",
      "--timeout-ms",
      "--idempotency-key",
      "AGNI_API_KEY",
      "--base-url (or AGNI_BASE_URL)",
      "other",
    ]);
  });
});

describe("usage and configuration failures", () => {
  it("exit 1, with nothing sent", () => {
    expect(usageFailure("unknown flag --x", "mock")).toMatchObject({
      exitCode: 1,
      name: "UsageError",
      safeToRetry: true,
      command: "mock",
    });
    expect(configFailure([{ field: "AGNI_API_KEY", message: "is not set" }])).toMatchObject({
      exitCode: 1,
      name: "ConfigurationError",
      status: null,
    });
  });
});
