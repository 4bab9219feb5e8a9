import { VERSION } from "../index.js";
import { runCall } from "./call.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { usageFailure } from "./failure.js";
import { CALL_HELP, MAIN_HELP } from "./help.js";
import { runMock } from "./mock.js";
import { createOutput, type CliIO, type Output } from "./output.js";
import { report } from "./report.js";

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

function routeCall(args: readonly string[], io: CliIO, out: Output): Promise<ExitCode> | ExitCode {
  const [kind, ...rest] = args;
  if (kind === "web" || kind === "outbound") return runCall(kind, rest, io, out);
  if (isHelp(kind)) {
    out.stdout(CALL_HELP);
    return EXIT.ok;
  }
  const message =
    kind === undefined
      ? "call needs a kind: web or outbound"
      : `unknown call kind ${kind}: use web or outbound`;
  return report(out, usageFailure(message, "call"), args.includes("--json"));
}

/**
 * Runs the `agni-client` command line and returns its exit code. Everything it prints goes
 * through a redacting output, so `AGNI_API_KEY` never appears, whatever a server echoes.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), io);
 */
export async function main(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const out = createOutput(io, [io.env["AGNI_API_KEY"]]);
  const [command, ...rest] = args;
  try {
    if (command === "mock") return await runMock(rest, io, out);
    if (command === "call") return await routeCall(rest, io, out);
    if (isHelp(command)) {
      out.stdout(MAIN_HELP);
      return EXIT.ok;
    }
    if (command === "--version") {
      out.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === undefined) {
      out.stderr(MAIN_HELP);
      return EXIT.usage;
    }
    const what = command.startsWith("-") ? "flag" : "command";
    return report(out, usageFailure(`unknown ${what} ${command}`, ""), false);
  } catch (error) {
    // A bug, not an outcome: still printed through the redacting output.
    out.stderr(
      `agni-client: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return EXIT.usage;
  }
}
