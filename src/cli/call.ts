import {
  AgniValidationError,
  createAgniClient,
  type AgniClient,
  type CreateCallResult,
} from "../index.js";
import {
  readCallInput,
  OUTBOUND_CALL_FLAGS,
  WEB_CALL_FLAGS,
  type CallInput,
  type CallKind,
} from "./call-input.js";
import { formatCallSummary } from "./call-output.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import {
  configFailure,
  failureFromError,
  inputFailure,
  issuesByFlag,
  usageFailure,
  type CliFailure,
} from "./failure.js";
import { allIssues, parseFlags } from "./flags.js";
import { CALL_OUTBOUND_HELP, CALL_WEB_HELP } from "./help.js";
import type { CliIO, Output } from "./output.js";
import { report } from "./report.js";

/** The client for this run, or why there is none (configuration: exit 1). */
function connect(io: CliIO, baseUrl: string | undefined): AgniClient | CliFailure {
  const apiKey = io.env["AGNI_API_KEY"];
  if (!apiKey) {
    return configFailure([
      {
        field: "AGNI_API_KEY",
        message: "is not set: export your API key (for `agni-client mock`, any value)",
      },
    ]);
  }
  try {
    return createAgniClient({
      apiKey,
      baseUrl: baseUrl || io.env["AGNI_BASE_URL"] || undefined,
      logLevel: "off",
    });
  } catch (error) {
    if (error instanceof AgniValidationError) return configFailure(issuesByFlag(error.issues));
    throw error;
  }
}

const send = (agni: AgniClient, input: CallInput): Promise<CreateCallResult> =>
  input.kind === "web"
    ? agni.calls.createWebCall(input.params, input.options)
    : agni.calls.createOutboundCall(input.params, input.options);

/**
 * `agni-client call web` and `agni-client call outbound`: checks the flags, creates the call and
 * prints a summary, or with `--json` exactly one JSON object.
 *
 * @example
 * process.exitCode = await runCall("web", ["--agent", "a1", "--json"], io, out);
 */
export async function runCall(
  kind: CallKind,
  args: readonly string[],
  io: CliIO,
  out: Output,
): Promise<ExitCode> {
  const command = `call ${kind}`;
  const json = args.includes("--json");
  const flags = parseFlags(args, kind === "web" ? WEB_CALL_FLAGS : OUTBOUND_CALL_FLAGS);
  if (flags.values.help) {
    out.stdout(kind === "web" ? CALL_WEB_HELP : CALL_OUTBOUND_HELP);
    return EXIT.ok;
  }
  if (flags.unknown.length > 0) {
    return report(
      out,
      usageFailure(`unknown flag or argument: ${flags.unknown.join(" ")}`, command),
      json,
    );
  }
  const input = readCallInput(kind, flags.values);
  const issues = allIssues(flags.issues, input);
  if (Array.isArray(input) || issues.length > 0)
    return report(out, inputFailure(issues, command), json);

  const agni = connect(io, flags.values["base-url"]);
  if ("exitCode" in agni) return report(out, agni, json);
  let result: CreateCallResult;
  try {
    result = await send(agni, input);
  } catch (error) {
    return report(out, failureFromError(error, command), json);
  }
  if (json) {
    out.stdout(`${JSON.stringify(result)}\n`);
  } else {
    // Redacted before shortening, so that no prefix of an echoed key is shown either.
    const shown = Object.fromEntries(
      Object.entries(result).map(([name, value]) => [
        name,
        typeof value === "string" ? out.redact(value) : value,
      ]),
    );
    out.stdout(formatCallSummary(input, shown));
  }
  return EXIT.ok;
}
