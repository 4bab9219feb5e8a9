import {
  E164_PATTERN,
  type OutboundCallParams,
  type RequestOptions,
  type ValidationIssue,
  type WebCallParams,
} from "../index.js";
import type { FlagSpecs, FlagValues } from "./flags.js";
import { readWholeNumber } from "./whole-number.js";

/**
 * The flags of `call web`.
 *
 * @example
 * parseFlags(args, WEB_CALL_FLAGS);
 */
export const WEB_CALL_FLAGS = {
  agent: { type: "string" },
  metadata: { type: "string" },
  var: { type: "string", multiple: true },
  "base-url": { type: "string" },
  "timeout-ms": { type: "string" },
  "idempotency-key": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpecs;

/**
 * The flags of `call outbound`: those of `call web` and the two numbers.
 *
 * @example
 * parseFlags(args, OUTBOUND_CALL_FLAGS);
 */
export const OUTBOUND_CALL_FLAGS = {
  ...WEB_CALL_FLAGS,
  from: { type: "string" },
  to: { type: "string" },
} as const satisfies FlagSpecs;

/**
 * Which call to place: `call web` or `call outbound`.
 *
 * @example
 * const kind: CallKind = "outbound";
 */
export type CallKind = "web" | "outbound";

/**
 * A call read from the flags, ready for the SDK.
 *
 * @example
 * const input = readCallInput("web", { agent: "a1" }) as CallInput;
 * if (input.kind === "web") await agni.calls.createWebCall(input.params, input.options);
 */
export type CallInput =
  | { kind: "web"; params: WebCallParams; options: RequestOptions }
  | { kind: "outbound"; params: OutboundCallParams; options: RequestOptions };

type CallFlagValues = FlagValues<typeof OUTBOUND_CALL_FLAGS>;

// setTimeout's limit, as the SDK's.
const MAX_TIMEOUT_MS = 2_147_483_647;

function readMetadata(text: string | undefined, issues: ValidationIssue[]) {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    issues.push({ field: "--metadata", message: `is not JSON (${(error as Error).message})` });
    return undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  issues.push({
    field: "--metadata",
    message: `must be a JSON object such as '{"ticket":"T-1001"}', got ${value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`}`,
  });
  return undefined;
}

function readVariables(pairs: readonly string[] | undefined, issues: ValidationIssue[]) {
  if (!pairs) return undefined;
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const name = at > 0 ? pair.slice(0, at) : "";
    if (!name) {
      issues.push({ field: "--var", message: `must be name=value, got ${JSON.stringify(pair)}` });
    } else if (name in variables) {
      issues.push({ field: `--var ${name}`, message: "is given more than once" });
    } else {
      variables[name] = pair.slice(at + 1);
    }
  }
  return variables;
}

function requireText(
  values: CallFlagValues,
  flag: "agent" | "from" | "to",
  issues: ValidationIssue[],
) {
  const value = values[flag] ?? "";
  if (!value.trim()) issues.push({ field: `--${flag}`, message: "is required" });
  return value;
}

function requirePhone(values: CallFlagValues, flag: "from" | "to", issues: ValidationIssue[]) {
  const number = requireText(values, flag, issues);
  if (number && !E164_PATTERN.test(number)) {
    issues.push({
      field: `--${flag}`,
      message: `must be an E.164 phone number such as +14157774444 ("+", country code and number, digits only), got ${JSON.stringify(number)}`,
    });
  }
  return number;
}

function readRequestOptions(values: CallFlagValues, issues: ValidationIssue[]) {
  const options: RequestOptions = {};
  const timeoutMs = readWholeNumber(
    values["timeout-ms"],
    "--timeout-ms",
    1,
    MAX_TIMEOUT_MS,
    issues,
  );
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const idempotencyKey = values["idempotency-key"];
  if (idempotencyKey !== undefined) {
    if (idempotencyKey) options.idempotencyKey = idempotencyKey;
    else issues.push({ field: "--idempotency-key", message: "must not be empty" });
  }
  return options;
}

/**
 * Reads a call's flags into SDK parameters and request options, or lists every problem by flag.
 * The checks here are those a flag adds (presence, JSON, `name=value`, numbers); the SDK checks
 * the rest again before sending.
 *
 * @example
 * readCallInput("outbound", { agent: "a1", from: "+14157774444", to: "12" });
 * // [{ field: "--to", message: "must be an E.164 phone number ..." }]
 */
export function readCallInput(
  kind: CallKind,
  values: CallFlagValues,
): CallInput | ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const agent_id = requireText(values, "agent", issues);
  const numbers =
    kind === "outbound"
      ? {
          from_phone_number: requirePhone(values, "from", issues),
          to_phone_number: requirePhone(values, "to", issues),
        }
      : undefined;
  const metadata = readMetadata(values.metadata, issues);
  const variables = readVariables(values.var, issues);
  const options = readRequestOptions(values, issues);
  if (issues.length > 0) return issues;

  const params: WebCallParams = { agent_id };
  if (metadata) params.metadata = metadata;
  if (variables) params.prompt_dynamic_variables = variables;
  return numbers
    ? { kind: "outbound", params: { ...params, ...numbers }, options }
    : { kind: "web", params, options };
}
