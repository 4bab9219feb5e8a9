/**
 * `npm run bench`: per-request overhead, memory in flight, bundle size (and where it goes) and
 * cold import, side by side with the peers, and a CPU profile of the helper path; written to
 * bench/results.json, bench/results.md and bench/chart.svg, with the goals judged.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { cpus, totalmem } from "node:os";
import { moduleBreakdown, type ModuleSize } from "./breakdown.js";
import { runColdImports } from "./cold-import.js";
import { runMemory } from "./memory.js";
import { runOverhead, type OverheadResult } from "./overhead.js";
import { runProfile, type ProfileResult } from "./profile.js";
import { toMarkdown, toSvg } from "./report.js";
import { runSizes, type SizeResult } from "./size.js";

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  versions: Record<string, string>;
  overhead: OverheadResult;
  memory: Record<string, { medianBytes: number }>;
  size: Record<string, SizeResult>;
  sizeByModule: Record<string, ModuleSize>;
  coldImport: Record<string, { medianMs: number }>;
  profile: ProfileResult;
}

const versionOf = async (pkg: string) =>
  JSON.parse(
    await readFile(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), "utf8"),
  ).version as string;

const started = Date.now();
const own = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
console.log("bundle sizes...");
const size = await runSizes();
const sizeByModule = await moduleBreakdown();
console.log("cold imports...");
const coldImport = await runColdImports();
console.log("per-request overhead...");
const overhead = await runOverhead();
console.log("memory in flight...");
const memory = await runMemory();
console.log("CPU profile...");
const profile = await runProfile();

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
  memory,
  size,
  sizeByModule,
  coldImport,
  profile,
};
/** Writes a result file as the repository's prettier setting formats it. */
const write = async (name: string, text: string) => {
  const file = fileURLToPath(new URL(name, import.meta.url));
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, name.endsWith(".svg") ? text : await prettier.format(text, options));
};
await write("results.json", JSON.stringify(results, null, 2) + "\n");
await write("results.md", toMarkdown(results));
await write("chart.svg", toSvg(results));
console.log(`\n${toMarkdown(results)}`);
console.log(
  `wrote bench/results.json, bench/results.md, bench/chart.svg in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
