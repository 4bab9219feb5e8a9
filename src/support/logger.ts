import type { Redact } from "./redact.js";

/**
 * How much the client logs; each level includes the ones before it.
 *
 * @example
 * createAgniClient({ logLevel: "debug" });
 */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/**
 * A console-like logger; `console` itself fits.
 *
 * @example
 * createAgniClient({ logger: pino(), logLevel: "info" }); // or console, the default
 */
export interface Logger {
  /** Every attempt: method, path, status, attempt, duration, request id. */
  debug(...args: unknown[]): void;
  /** Retries and their waits. */
  info(...args: unknown[]): void;
  /** Risky settings in force. */
  warn(...args: unknown[]): void;
  /** Not used by the client today; part of the console shape. */
  error(...args: unknown[]): void;
}

/**
 * The client's own log functions: a message and optional structured fields, each passed through
 * the redaction of the request they concern.
 */
export type Log = Record<
  Exclude<LogLevel, "off">,
  (redact: Redact, message: string, fields?: object) => void
>;

/** The log levels in order of verbosity. */
export const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/**
 * Wraps `logger` so that only messages at `level` or more severe are written, each prefixed
 * `[agni-client]`, with the given redaction applied to the message and the fields.
 */
export function createLog(logger: Logger, level: LogLevel): Log {
  const threshold = LOG_LEVELS.indexOf(level);
  const at =
    (name: Exclude<LogLevel, "off">) =>
    (redact: Redact, message: string, fields?: object): void => {
      if (LOG_LEVELS.indexOf(name) > threshold) return;
      const line = redact(`[agni-client] ${message}`);
      if (fields === undefined) logger[name](line);
      else logger[name](line, redact(fields));
    };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
