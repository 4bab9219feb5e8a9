import {
  AgniAPIError,
  AgniError,
  AgniRedirectError,
  AgniValidationError,
  type ValidationIssue,
} from "../index.js";
import { EXIT, type ExitCode } from "./exit-codes.js";

/**
 * Why a command failed, built in one place from what happened and printed by `report`.
 *
 * @example
 * const failure: CliFailure = usageFailure("unknown flag --bogus", "call web");
 */
export interface CliFailure {
  exitCode: Exclude<ExitCode, typeof EXIT.ok>;
  name: string;
  /** What happened; the `issues`, when there are some, follow it. */
  message: string;
  /** The HTTP status, when the API answered. */
  status: number | null;
  /** Whether running the command again cannot place a second call. */
  safeToRetry: boolean;
  code?: string | undefined;
  requestId?: string | undefined;
  /** Every problem with the input or configuration, by flag or environment variable. */
  issues?: readonly ValidationIssue[];
  /** The command whose `--help` to point to. */
  command?: string;
}

/**
 * An unknown command, flag or argument (exit 1).
 *
 * @example
 * usageFailure("unknown flag --bogus", "mock");
 */
export function usageFailure(message: string, command?: string): CliFailure {
  return {
    exitCode: EXIT.usage,
    name: "UsageError",
    message,
    status: null,
    safeToRetry: true,
    command,
  };
}

/**
 * Configuration the command cannot run with, such as no `AGNI_API_KEY` (exit 1).
 *
 * @example
 * configFailure([{ field: "AGNI_API_KEY", message: "is not set" }]);
 */
export function configFailure(issues: readonly ValidationIssue[]): CliFailure {
  return {
    exitCode: EXIT.usage,
    name: "ConfigurationError",
    message: "cannot run",
    status: null,
    safeToRetry: true,
    issues,
  };
}

/**
 * Bad input found before anything was sent (exit 2).
 *
 * @example
 * inputFailure([{ field: "--agent", message: "is required" }], "call web");
 */
export function inputFailure(issues: readonly ValidationIssue[], command?: string): CliFailure {
  return {
    exitCode: EXIT.badInput,
    name: "InputError",
    message: "bad input, nothing sent",
    status: null,
    safeToRetry: true,
    issues,
    command,
  };
}

// The SDK names the API's fields; the CLI user knows flags and environment variables.
const FLAG_FOR_FIELD: Record<string, string> = {
  agent_id: "--agent",
  from_phone_number: "--from",
  to_phone_number: "--to",
  metadata: "--metadata",
  prompt_dynamic_variables: "--var",
  "options.timeoutMs": "--timeout-ms",
  "options.idempotencyKey": "--idempotency-key",
  apiKey: "AGNI_API_KEY",
  baseUrl: "--base-url (or AGNI_BASE_URL)",
};

/**
 * Renames the SDK's validation issues to the flags and variables that set those fields.
 *
 * @example
 * issuesByFlag([{ field: "to_phone_number", message: "must be E.164" }]);
 * // [{ field: "--to", message: "must be E.164" }]
 */
export function issuesByFlag(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map(({ field, message }) => {
    const exact = FLAG_FOR_FIELD[field];
    if (exact) return { field: exact, message };
    const [head = "", ...rest] = field.split(".");
    const flag = FLAG_FOR_FIELD[head];
    return { field: flag ? `${flag} ${rest.join(".")}` : field, message };
  });
}

/**
 * The failure for an error a call threw: bad input (2), an API answer (3), or a network failure
 * or time-out (4). Errors that are not the SDK's are rethrown: they are bugs.
 *
 * @example
 * failureFromError(new AgniTimeoutError(1000, "https://api.ravan.ai", 1)).exitCode; // 4
 */
export function failureFromError(error: unknown, command?: string): CliFailure {
  if (!(error instanceof AgniError)) throw error;
  if (error instanceof AgniValidationError)
    return inputFailure(issuesByFlag(error.issues), command);
  const { name, message, safeToRetry } = error;
  if (error instanceof AgniAPIError) {
    const { status, code, requestId } = error;
    return { exitCode: EXIT.apiError, name, message, status, safeToRetry, code, requestId };
  }
  if (error instanceof AgniRedirectError) {
    return { exitCode: EXIT.apiError, name, message, status: error.status, safeToRetry };
  }
  return { exitCode: EXIT.network, name, message, status: null, safeToRetry };
}
