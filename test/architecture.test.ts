/**
 * What dependency-cruiser cannot see: only transport/ sends. Any other module of the client
 * that called fetch would bypass the key, time-limit, retry and redirect rules.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = new URL("../src", import.meta.url).pathname;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat().filter((file) => file.endsWith(".ts"));
}

describe("network I/O", () => {
  it("happens in src/transport only (the mock in src/testing answers, it never sends)", async () => {
    const calling: string[] = [];
    for (const file of await sources(src)) {
      const code = (await readFile(file, "utf8")).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      if (/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\s*\(/.test(code)) {
        calling.push(relative(src, file));
      }
    }
    expect(calling.length).toBeGreaterThan(0);
    expect(calling.filter((file) => !file.startsWith("transport/"))).toEqual([]);
  });
});
