import type { ValidationIssue } from "../index.js";
import type { FlagSpecs, FlagValues } from "./flags.js";
import { readWholeNumber } from "./whole-number.js";

/**
 * The flags of `mock`.
 *
 * @example
 * parseFlags(args, MOCK_FLAGS);
 */
export const MOCK_FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  "api-key": { type: "string" },
  shape: { type: "string" },
  "latency-ms": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpecs;

/**
 * How to serve the mock, read from the flags.
 *
 * @example
 * const settings = readMockInput({ port: "0" }) as MockSettings; // { port: 0, host: "127.0.0.1", ... }
 */
export interface MockSettings {
  port: number;
  host: string;
  apiKey: string | undefined;
  shape: "flat" | "envelope";
  latencyMs: number;
}

/**
 * The port `mock` listens on when `--port` is not given.
 *
 * @example
 * `http://127.0.0.1:${DEFAULT_MOCK_PORT}`;
 */
export const DEFAULT_MOCK_PORT = 4010;
const MAX_LATENCY_MS = 600_000;

/**
 * Reads `mock`'s flags into settings, or lists every problem by flag.
 *
 * @example
 * readMockInput({ port: "80000", shape: "xml" });
 * // [{ field: "--port", ... }, { field: "--shape", ... }]
 */
export function readMockInput(
  values: FlagValues<typeof MOCK_FLAGS>,
): MockSettings | ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const port = readWholeNumber(values.port, "--port", 0, 65_535, issues) ?? DEFAULT_MOCK_PORT;
  const host = values.host ?? "127.0.0.1";
  if (!host.trim()) issues.push({ field: "--host", message: "must not be empty" });
  const apiKey = values["api-key"];
  if (apiKey !== undefined && !apiKey)
    issues.push({ field: "--api-key", message: "must not be empty" });
  const shape = values.shape ?? "flat";
  if (shape !== "flat" && shape !== "envelope") {
    issues.push({
      field: "--shape",
      message: `must be flat or envelope, got ${JSON.stringify(shape)}`,
    });
  }
  const latencyMs =
    readWholeNumber(values["latency-ms"], "--latency-ms", 0, MAX_LATENCY_MS, issues) ?? 0;
  if (issues.length > 0) return issues;
  return { port, host, apiKey, shape: shape as MockSettings["shape"], latencyMs };
}

/**
 * Whether `host` is a loopback interface, reachable from this machine only.
 *
 * @example
 * isLoopback("127.0.0.1"); // true
 * isLoopback("0.0.0.0"); // false: every interface
 */
export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}
