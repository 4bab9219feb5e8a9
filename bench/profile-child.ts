/**
 * The profiled run: after a warm-up, `calls` create-calls of one contender at concurrency 64
 * against `url`, with the V8 profiler on for that loop only; the profile goes to `out`.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { contenders } from "./overhead.js";

const [name, url, calls, out] = process.argv.slice(2) as [string, string, string, string];
const send = await contenders.find((c) => c.name === name)!.make(url);
const runCalls = async (total: number) => {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started += 1;
      await send();
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
};

await runCalls(1_000);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
await runCalls(Number(calls));
const { profile } = await session.post("Profiler.stop");
await writeFile(out, JSON.stringify(profile));
session.disconnect();
