import type { ValidationIssue } from "../index.js";
import { createMockAgni, startMockAgniServer } from "../testing/index.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { configFailure, inputFailure, usageFailure } from "./failure.js";
import { allIssues, parseFlags } from "./flags.js";
import { MOCK_HELP } from "./help.js";
import { MOCK_FLAGS, readMockInput } from "./mock-input.js";
import { formatHostWarning, formatMockBanner, formatRequestLine } from "./mock-output.js";
import type { CliIO, Output } from "./output.js";
import { report } from "./report.js";

/** Why the server could not listen, by the flag to change. */
function listenIssue(error: unknown, host: string, port: number): ValidationIssue {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    return { field: "--port", message: `${port} is in use: choose another, or 0 for a free one` };
  }
  if (code === "EACCES") {
    return { field: "--port", message: `${port} needs privileges: choose one above 1023` };
  }
  return {
    field: "--host",
    message: `cannot listen on ${host}:${port} (${code ?? String(error)})`,
  };
}

/**
 * `agni-client mock`: serves the mock until SIGINT or SIGTERM, logging one line per request.
 *
 * @example
 * process.exitCode = await runMock(["--port", "0"], io, out);
 */
export async function runMock(args: readonly string[], io: CliIO, out: Output): Promise<ExitCode> {
  const flags = parseFlags(args, MOCK_FLAGS);
  if (flags.values.help) {
    out.stdout(MOCK_HELP);
    return EXIT.ok;
  }
  if (flags.unknown.length > 0) {
    return report(
      out,
      usageFailure(`unknown flag or argument: ${flags.unknown.join(" ")}`, "mock"),
      false,
    );
  }
  const settings = readMockInput(flags.values);
  const issues = allIssues(flags.issues, settings);
  if (Array.isArray(settings) || issues.length > 0) {
    return report(out, inputFailure(issues, "mock"), false);
  }
  const shown = out.withSecret(settings.apiKey);
  const mock = createMockAgni({ apiKey: settings.apiKey, responseShape: settings.shape });
  const stopped = io.waitForStop();
  let server;
  try {
    server = await startMockAgniServer({
      mock,
      host: settings.host,
      port: settings.port,
      latencyMs: settings.latencyMs,
      onRequest: (request) => {
        // The CLI never reads the recordings; a long-running mock would keep every body.
        mock.reset();
        shown.stdout(formatRequestLine(request));
      },
    });
  } catch (error) {
    return report(shown, configFailure([listenIssue(error, settings.host, settings.port)]), false);
  }
  shown.stderr(formatHostWarning(settings.host));
  shown.stdout(formatMockBanner(server.url, settings));
  // Announced first: requests cut short by the close are logged after it, as "dropped".
  shown.stdout(`Stopping (${await stopped}).\n`);
  await server.close();
  return EXIT.ok;
}
