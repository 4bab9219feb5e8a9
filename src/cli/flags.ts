import { parseArgs } from "node:util";
import type { ValidationIssue } from "../index.js";

/**
 * One flag a command accepts. Values are all strings (numbers are checked by the command),
 * so that a bad value is reported by flag rather than thrown by `parseArgs`.
 *
 * @example
 * const spec: FlagSpec = { type: "string", multiple: true }; // --var a=1 --var b=2
 */
export interface FlagSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

/**
 * A command's flags, by long name without the dashes.
 *
 * @example
 * const flags = { port: { type: "string" }, help: { type: "boolean", short: "h" } } satisfies FlagSpecs;
 */
export type FlagSpecs = Record<string, FlagSpec>;

/**
 * The value type of each flag in `S`.
 *
 * @example
 * type V = FlagValues<{ var: { type: "string"; multiple: true } }>; // { var?: string[] }
 */
export type FlagValues<S extends FlagSpecs> = {
  [K in keyof S]?: S[K]["type"] extends "boolean"
    ? boolean
    : S[K]["multiple"] extends true
      ? string[]
      : string;
};

/**
 * What {@link parseFlags} read from a command's arguments.
 *
 * @example
 * const { values, unknown, issues }: ParsedFlags<typeof flags> = parseFlags(args, flags);
 */
export interface ParsedFlags<S extends FlagSpecs> {
  values: FlagValues<S>;
  /** Unknown flags and stray arguments, as written: a usage error. */
  unknown: string[];
  /** Known flags given wrongly (no value, a value for a switch, given twice), by flag. */
  issues: ValidationIssue[];
}

/**
 * Parses a command's arguments against `specs` and reports every problem rather than the first.
 * A string flag followed by another flag has no value (write `--flag=-x` to pass one starting
 * with a dash); `-5` is a value.
 *
 * @example
 * parseFlags(["--port", "0", "--bogus"], { port: { type: "string" } });
 * // { values: { port: "0" }, unknown: ["--bogus"], issues: [] }
 */
export function parseFlags<S extends FlagSpecs>(args: readonly string[], specs: S): ParsedFlags<S> {
  const issues: ValidationIssue[] = [];
  const needsValue = (flag: string) =>
    issues.push({
      field: flag,
      message: `needs a value (write ${flag}=-x for one starting with "-")`,
    });
  // parseArgs would take the next flag as the value and lose it; drop the bare flag instead.
  const kept = args.filter((arg, i) => {
    const next = args[i + 1];
    const bare =
      arg.startsWith("--") &&
      specs[arg.slice(2)]?.type === "string" &&
      (next === undefined || (next.startsWith("-") && !/^-\d/.test(next)));
    if (bare) needsValue(arg);
    return !bare;
  });
  const { tokens } = parseArgs({
    args: kept,
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | string[] | boolean> = {};
  const unknown: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      unknown.push(token.value);
      continue;
    }
    const spec = specs[token.name];
    const flag = `--${token.name}`;
    if (!spec) {
      unknown.push(token.rawName);
    } else if (spec.type === "boolean") {
      if (token.value === undefined) values[token.name] = true;
      else issues.push({ field: flag, message: "takes no value" });
    } else if (token.value === undefined) {
      needsValue(flag);
    } else if (spec.multiple) {
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    } else if (token.name in values) {
      issues.push({ field: flag, message: "is given more than once" });
    } else {
      values[token.name] = token.value;
    }
  }
  return { values: values as FlagValues<S>, unknown, issues };
}

/**
 * Every problem with a command's flags: those found parsing, then those of the command's own
 * checks (`checked`, when it is a list of issues) about flags not already reported.
 *
 * @example
 * allIssues([{ field: "--to", message: "needs a value" }], [{ field: "--to", message: "is required" }]);
 * // [{ field: "--to", message: "needs a value" }]
 */
export function allIssues(
  parsed: readonly ValidationIssue[],
  checked: object | readonly ValidationIssue[],
): ValidationIssue[] {
  const reported = new Set(parsed.map((issue) => issue.field));
  const more = Array.isArray(checked) ? (checked as readonly ValidationIssue[]) : [];
  return [...parsed, ...more.filter((issue) => !reported.has(issue.field))];
}
