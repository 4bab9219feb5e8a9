/**
 * Memory per 1,000 in-flight calls: for each contender, a fresh process places 1,000 calls that
 * the server holds for 2 s and reports the memory they occupy; samples interleaved, median.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { agniRaw, contenders, median, startServer } from "./overhead.js";

const run = promisify(execFile);
const child = fileURLToPath(new URL("memory-child.ts", import.meta.url));

export async function runMemory(samples = 3): Promise<Record<string, { medianBytes: number }>> {
  const names = [...contenders, agniRaw].map((c) => c.name);
  const bytes: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const server = await startServer();
  try {
    for (let i = 0; i < samples; i++) {
      for (const name of names) {
        const { stdout } = await run(process.execPath, [
          "--expose-gc",
          "--import",
          "tsx",
          child,
          name,
          server.url,
        ]);
        bytes[name]!.push(Number(stdout));
      }
      process.stdout.write(`  memory sample ${i + 1}/${samples} done\n`);
    }
  } finally {
    server.stop();
  }
  return Object.fromEntries(
    Object.entries(bytes).map(([name, values]) => [name, { medianBytes: median(values) }]),
  );
}
