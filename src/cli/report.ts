import type { ExitCode } from "./exit-codes.js";
import type { CliFailure } from "./failure.js";
import type { Output } from "./output.js";

const issueLines = ({ issues = [] }: CliFailure) =>
  issues.map((issue) => `${issue.field} ${issue.message}`);

/**
 * The one JSON object `--json` prints for a failure. `name`, `message` (with every issue),
 * `status` and `safeToRetry` are always there; `code`, `requestId` and `issues` when known.
 *
 * @example
 * JSON.stringify(failureJson(failure)); // {"error":{"name":"AgniAuthenticationError",...}}
 */
export function failureJson(failure: CliFailure): { error: Record<string, unknown> } {
  const { name, status, safeToRetry, code, requestId, issues } = failure;
  const lines = issueLines(failure);
  const message = lines.length > 0 ? `${failure.message}: ${lines.join("; ")}` : failure.message;
  return { error: { name, message, status, safeToRetry, code, requestId, issues } };
}

/**
 * A failure as readable lines for stderr: what happened, every problem on its own line, the
 * status, code and request id of an API answer, and, once something was sent, whether trying
 * again could place a second call.
 *
 * @example
 * formatFailure(inputFailure([{ field: "--agent", message: "is required" }], "call web"));
 * // 'agni-client: bad input, nothing sent\n  --agent is required\nRun "agni-client call web --help" for usage.\n'
 */
export function formatFailure(failure: CliFailure): string {
  const { exitCode, name, message, status, code, requestId, command } = failure;
  const sent = exitCode >= 3;
  const lines = [
    `agni-client: ${sent ? `${name}: ` : ""}${message}`,
    ...issueLines(failure).map((line) => `  ${line}`),
  ];
  if (status !== null) lines.push(`  status      ${status}`);
  if (code) lines.push(`  code        ${code}`);
  if (requestId) lines.push(`  request id  ${requestId}`);
  if (sent) {
    lines.push(
      failure.safeToRetry
        ? "  Trying again cannot place a second call: this request certainly took no effect."
        : "  Trying again could place a second call: the request may have reached the API. " +
            "Check for the call first.",
    );
  }
  if (command !== undefined) {
    lines.push(`Run "${["agni-client", command].filter(Boolean).join(" ")} --help" for usage.`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Prints a failure, as one JSON object on stdout with `--json` or else as text on stderr, and
 * returns its exit code.
 *
 * @example
 * return report(out, usageFailure("unknown flag --bogus", "mock"), false); // 1
 */
export function report(out: Output, failure: CliFailure, json: boolean): ExitCode {
  if (json) out.stdout(`${JSON.stringify(failureJson(failure))}\n`);
  else out.stderr(formatFailure(failure));
  return failure.exitCode;
}
