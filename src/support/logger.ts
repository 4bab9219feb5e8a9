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
  /** Every attempt: method, URL, status, attempt, duration, request id. */
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
 * the redaction of the request they concern. A level below the threshold has no function, so
 * that `log.debug?.(...)` does not even build its arguments.
 */
export type Log = Partial<
  Record<Exclude<LogLevel, "off">, (redact: Redact, message: string, fields?: object) => void>
>;

/** The log levels in order of verbosity. */
export const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/**
 * Wraps `logger` for `level` and the more severe levels (the others are left out), each line
 * prefixed `[agni-client]`, with the given redaction applied to the message and the fields.
 */
export function createLog(logger: Logger, level: LogLevel): Log {
  const log: Log = {};
  for (const name of LOG_LEVELS.slice(1, LOG_LEVELS.indexOf(level) + 1) as Exclude<
    LogLevel,
    "off"
  >[]) {
    log[name] = (redact, message, fields) => {
      const line = redact(`[agni-client] ${message}`);
      if (fields === undefined) logger[name](line);
      else logger[name](line, redact(fields));
    };
  }
  return log;
}
