import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { inputFailure, usageFailure, type CliFailure } from "../../src/cli/failure.js";
import { createOutput } from "../../src/cli/output.js";
import { failureJson, formatFailure, report } from "../../src/cli/report.js";

const apiFailure: CliFailure = {
  exitCode: EXIT.apiError,
  name: "AgniInternalServerError",
  message: "upstream failed",
  status: 502,
  code: "BAD_GATEWAY",
  requestId: "req-9",
  safeToRetry: false,
};

describe("formatFailure", () => {
  it("lists every input problem on its own line and points to --help", () => {
    const failure = inputFailure(
      [
        { field: "--agent", message: "is required" },
        { field: "--to", message: "must be E.164" },
      ],
      "call outbound",
    );
    expect(formatFailure(failure)).toBe(
      "agni-client: bad input, nothing sent\n" +
        "  --agent is required\n" +
        "  --to must be E.164\n" +
        'Run "agni-client call outbound --help" for usage.\n',
    );
  });

  it("shows an API answer's status, code, request id, and that a retry could dial twice", () => {
    const text = formatFailure(apiFailure);
    expect(text).toMatch(/^agni-client: AgniInternalServerError: upstream failed\n/);
    expect(text).toContain("  status      502\n");
    expect(text).toContain("  code        BAD_GATEWAY\n");
    expect(text).toContain("  request id  req-9\n");
    expect(text).toContain("could place a second call");
    expect(text).not.toContain("--help");
  });

  it("says a retry is safe when the request took no effect", () => {
    const text = formatFailure({ ...apiFailure, exitCode: EXIT.network, safeToRetry: true });
    expect(text).toContain("cannot place a second call");
    expect(text).not.toContain("could place");
  });

  it("points a top-level usage error to agni-client --help", () => {
    expect(formatFailure(usageFailure("unknown command x", ""))).toBe(
      'agni-client: unknown command x\nRun "agni-client --help" for usage.\n',
    );
  });
});

describe("failureJson", () => {
  it("always has name, message, status and safeToRetry; the message lists the issues", () => {
    const json = failureJson(inputFailure([{ field: "--agent", message: "is required" }]));
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      error: {
        name: "InputError",
        message: "bad input, nothing sent: --agent is required",
        status: null,
        safeToRetry: true,
        issues: [{ field: "--agent", message: "is required" }],
      },
    });
    expect(failureJson(apiFailure).error).toMatchObject({ status: 502, requestId: "req-9" });
  });
});

describe("report", () => {
  it("prints text on stderr, or one JSON object on stdout, and returns the exit code", () => {
    const written = { stdout: "", stderr: "" };
    const out = createOutput(
      {
        env: {},
        writeStdout: (text) => (written.stdout += text),
        writeStderr: (text) => (written.stderr += text),
        waitForStop: () => new Promise(() => {}),
      },
      [],
    );
    expect(report(out, apiFailure, false)).toBe(3);
    expect(written).toEqual({ stdout: "", stderr: formatFailure(apiFailure) });
    written.stderr = "";
    expect(report(out, apiFailure, true)).toBe(3);
    expect(written.stderr).toBe("");
    expect(JSON.parse(written.stdout)).toEqual(failureJson(apiFailure));
  });
});
