import { describe, expect, it } from "vitest";
import { createOutput, redactSecrets, type CliIO } from "../../src/cli/output.js";

const KEY = 'agni_sk_"quoted\\back/slash';

describe("redactSecrets", () => {
  it("hides a secret as it is, JSON-escaped and URL-encoded", () => {
    const text = [KEY, JSON.stringify({ echo: KEY }), `?key=${encodeURIComponent(KEY)}`].join(" ");
    const redacted = redactSecrets(text, [KEY]);
    expect(redacted).toBe('*** {"echo":"***"} ?key=***');
  });

  it("keeps JSON valid where the secret was a whole string", () => {
    const json = JSON.stringify({ message: `bad key ${KEY}`, [KEY]: 1 });
    expect(JSON.parse(redactSecrets(json, [KEY]))).toEqual({ message: "bad key ***", "***": 1 });
  });

  it("ignores absent or empty secrets", () => {
    expect(redactSecrets("text", [undefined, ""])).toBe("text");
  });
});

describe("createOutput", () => {
  it("redacts everything it writes, adding secrets with withSecret", () => {
    const lines: string[] = [];
    const io: CliIO = {
      env: {},
      writeStdout: (text) => lines.push(`out:${text}`),
      writeStderr: (text) => lines.push(`err:${text}`),
      waitForStop: () => new Promise(() => {}),
    };
    const out = createOutput(io, ["k1"]);
    out.stdout("k1 k2");
    out.withSecret("k2").stderr("k1 k2");
    out.withSecret(undefined).stdout(out.redact("k1"));
    expect(lines).toEqual(["out:*** k2", "err:*** ***", "out:***"]);
  });
});
