/** Cold import: a fresh Node process per sample times `await import(pkg)`; median of 20. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

export const packages = ["agni-client", "openapi-fetch", "retell-sdk", "@vapi-ai/server-sdk"];

async function importMs(specifier: string): Promise<number> {
  const script =
    `const t = performance.now(); await import(${JSON.stringify(specifier)});` +
    `process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
  });
  return Number(stdout);
}

export async function runColdImports(samples = 20): Promise<Record<string, { medianMs: number }>> {
  const times: Record<string, number[]> = Object.fromEntries(packages.map((p) => [p, []]));
  for (let i = 0; i < samples; i++) {
    for (const name of packages) times[name]!.push(await importMs(name)); // interleaved
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, values]) => {
      const sorted = values.sort((a, b) => a - b);
      const median = (sorted[(samples - 1) >> 1]! + sorted[samples >> 1]!) / 2;
      return [name, { medianMs: Number(median.toFixed(1)) }];
    }),
  );
}
