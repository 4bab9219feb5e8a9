/**
 * Where the time goes: raw fetch and agni-client each run the same calls at concurrency 64 in a
 * process of their own, profiled by V8 after a warm-up; self time is summed by area (this
 * package, undici's fetch, web streams, garbage collection, ...), and agni-client's top frames
 * listed.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startServer } from "./overhead.js";

const run = promisify(execFile);
const child = fileURLToPath(new URL("profile-child.ts", import.meta.url));

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileResult {
  calls: number;
  /** Self time by area, as a share (%) of each contender's non-idle time. */
  areaPct: Record<string, Record<string, number>>;
  /** agni-client's heaviest frames by self time, as a share of the non-idle time. */
  topFrames: { frame: string; selfPct: number }[];
}

/** The area a frame's code belongs to. */
export function areaOf(functionName: string, url: string): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (url.includes("dist/index.js") || url.includes("/src/")) return "agni-client";
  if (url.includes("openapi-fetch")) return "openapi-fetch";
  if (url.includes("undici")) return "undici (fetch)";
  if (url.includes("webstreams")) return "web streams";
  if (url === "") return "native (sockets, JSON, timers)";
  return "other Node internals";
}

/** Self time in µs per frame of a profile, idle left out. */
function selfTimes(profile: CpuProfile): Map<string, { us: number; area: string }> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, { us: number; area: string }>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") return;
    const file = url.replace(/^.*\/(node_modules|wt-[^/]+|agni-client[^/]*)\//, "");
    const frame = `${functionName || "(anonymous)"} ${file}${file ? `:${lineNumber + 1}` : ""}`;
    const entry = times.get(frame) ?? { us: 0, area: areaOf(functionName, url) };
    entry.us += profile.timeDeltas[i] ?? 0;
    times.set(frame, entry);
  });
  return times;
}

/** Profiles `calls` calls of one contender, after a warm-up, in a process of its own. */
async function profileOf(name: string, url: string, calls: number): Promise<CpuProfile> {
  const dir = await mkdtemp(join(tmpdir(), "agni-profile-"));
  const file = join(dir, "run.cpuprofile");
  try {
    await run(process.execPath, ["--import", "tsx", child, name, url, String(calls), file]);
    return JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runProfile(calls = 10_000): Promise<ProfileResult> {
  const server = await startServer();
  try {
    const areaPct: ProfileResult["areaPct"] = {};
    let topFrames: ProfileResult["topFrames"] = [];
    for (const name of ["raw fetch", "agni-client"]) {
      const times = selfTimes(await profileOf(name, server.url, calls));
      const areas: Record<string, number> = {};
      let total = 0;
      for (const { us, area } of times.values()) {
        areas[area] = (areas[area] ?? 0) + us;
        total += us;
      }
      // Shares, not µs: the profiler slows a run, and two processes on a loaded machine do
      // not compare in absolute time.
      areaPct[name] = Object.fromEntries(
        Object.entries(areas)
          .sort(([, a], [, b]) => b - a)
          .map(([area, us]) => [area, Number(((100 * us) / total).toFixed(1))]),
      );
      if (name === "agni-client") {
        topFrames = [...times]
          .sort(([, a], [, b]) => b.us - a.us)
          .slice(0, 15)
          .map(([frame, { us }]) => ({ frame, selfPct: Number(((100 * us) / total).toFixed(1)) }));
      }
    }
    return { calls, areaPct, topFrames };
  } finally {
    server.stop();
  }
}
