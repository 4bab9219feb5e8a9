import { describe, expect, it } from "vitest";
import { createLog, LOG_LEVELS, type Logger } from "../../../src/support/logger.js";
import { createRedactor } from "../../../src/support/redact.js";

function recording() {
  const lines: [string, unknown[]][] = [];
  const logger: Logger = {
    debug: (...args) => lines.push(["debug", args]),
    info: (...args) => lines.push(["info", args]),
    warn: (...args) => lines.push(["warn", args]),
    error: (...args) => lines.push(["error", args]),
  };
  return { lines, logger };
}

describe("createLog", () => {
  it("writes exactly the levels at or above the threshold", () => {
    const written: Record<string, string[]> = {};
    for (const level of LOG_LEVELS) {
      const { lines, logger } = recording();
      const log = createLog(logger, level);
      const none = createRedactor([]);
      for (const name of ["error", "warn", "info", "debug"] as const) log[name]?.(none, name);
      written[level] = lines.map(([name]) => name);
    }
    expect(written).toEqual({
      off: [],
      error: ["error"],
      warn: ["error", "warn"],
      info: ["error", "warn", "info"],
      debug: ["error", "warn", "info", "debug"],
    });
  });

  it("has no function for a level below the threshold, so a call builds no arguments", () => {
    const log = createLog(recording().logger, "warn");
    expect(Object.keys(log).sort()).toEqual(["error", "warn"]);
    let built = false;
    log.debug?.(createRedactor([]), String((built = true)));
    expect(built).toBe(false);
  });

  it("prefixes the line and redacts it and its fields", () => {
    const { lines, logger } = recording();
    const redact = createRedactor(["sk_1"]);
    const log = createLog(logger, "debug");
    log.debug?.(redact, "got sk_1", { requestId: "sk_1-echo" });
    log.info?.(redact, "plain");
    expect(lines).toEqual([
      ["debug", ["[agni-client] got ***", { requestId: "***-echo" }]],
      ["info", ["[agni-client] plain"]],
    ]);
  });
});
