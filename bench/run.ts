/**
 * `npm run bench`: per-request overhead, bundle size and cold import, side by side with the
 * peers, written to bench/results.json, bench/results.md and bench/chart.svg.
 */
import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { runColdImports } from "./cold-import.js";
import { runOverhead, type OverheadResult } from "./overhead.js";
import { toMarkdown, toSvg } from "./report.js";
import { runSizes, type SizeResult } from "./size.js";

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  versions: Record<string, string>;
  overhead: OverheadResult;
  size: Record<string, SizeResult>;
  coldImport: Record<string, { medianMs: number }>;
}

const versionOf = async (pkg: string) =>
  JSON.parse(
    await readFile(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), "utf8"),
  ).version as string;

const started = Date.now();
const own = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
console.log("bundle sizes...");
const size = await runSizes();
console.log("cold imports...");
const coldImport = await runColdImports();
console.log("per-request overhead...");
const overhead = await runOverhead();

const results: BenchResults = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  versions: {
    "agni-client": own.version,
    "openapi-fetch": await versionOf("openapi-fetch"),
    "retell-sdk": await versionOf("retell-sdk"),
    "@vapi-ai/server-sdk": await versionOf("@vapi-ai/server-sdk"),
    esbuild: await versionOf("esbuild"),
  },
  overhead,
  size,
  coldImport,
};
await writeFile(new URL("results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
await writeFile(new URL("results.md", import.meta.url), toMarkdown(results));
await writeFile(new URL("chart.svg", import.meta.url), toSvg(results));
console.log(`\n${toMarkdown(results)}`);
console.log(
  `wrote bench/results.json, bench/results.md, bench/chart.svg in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
