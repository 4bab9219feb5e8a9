/**
 * One memory sample, in a process of its own (run with --expose-gc): after a warm-up, the heap
 * and external memory in use with 1,000 calls of one contender in flight (held by the server's
 * /hold/ path), less the same before they started. Prints the difference in bytes.
 */
import { agniRaw, contenders } from "./overhead.js";

const [name, url] = process.argv.slice(2) as [string, string];
const contender = [...contenders, agniRaw].find((c) => c.name === name)!;
const gc = (globalThis as { gc?: () => void }).gc!;
const inUse = () => {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const warm = await contender.make(url);
for (let i = 0; i < 200; i++) await warm();
const send = await contender.make(`${url}/hold`);
const before = inUse();
const calls = Array.from({ length: 1_000 }, () => send());
await new Promise((resolve) => setTimeout(resolve, 1_000)); // all sent, none answered yet
const during = inUse();
await Promise.all(calls);
process.stdout.write(String(during - before));
