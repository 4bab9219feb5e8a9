/**
 * Per-request overhead: the same create-call against one server process on 127.0.0.1 through
 * raw fetch (the floor), openapi-fetch alone, agni-client and retell-sdk, sequentially and at
 * concurrency 64, rounds interleaved; medians in µs per request.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import Retell from "retell-sdk";
import type { paths } from "../src/generated/agni.js";

const PATH = "/api/v1/calling/create-call";
const KEY = "agni_sk_bench_0123456789";
const params = {
  agent_id: "agent_bench",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
  metadata: { ticket: "T-1" },
};
const body = { type: "outbound_call" as const, ...params };

type Send = () => Promise<unknown>;
export interface Contender {
  name: string;
  make(baseUrl: string): Promise<Send>;
}

export const contenders: Contender[] = [
  {
    name: "raw fetch",
    async make(baseUrl) {
      const headers = {
        "content-type": "application/json",
        accept: "application/json",
        "x-api-key": KEY,
      };
      return () =>
        fetch(baseUrl + PATH, { method: "POST", headers, body: JSON.stringify(body) }).then((r) =>
          r.json(),
        );
    },
  },
  {
    name: "openapi-fetch",
    async make(baseUrl) {
      const client = createClient<paths>({
        baseUrl,
        headers: { accept: "application/json", "x-api-key": KEY },
      });
      return () => client.POST(PATH, { body }).then((r) => r.data);
    },
  },
  {
    name: "agni-client",
    async make(baseUrl) {
      // The built package, as users get it.
      const { createAgniClient } = (await import(
        new URL("../dist/index.js", import.meta.url).href
      )) as typeof import("../src/index.js");
      const agni = createAgniClient({ apiKey: KEY, baseUrl, logLevel: "off" });
      return () => agni.calls.createOutboundCall(params);
    },
  },
  {
    name: "retell-sdk",
    async make(baseUrl) {
      const retell = new Retell({ apiKey: KEY, baseURL: baseUrl, maxRetries: 0 });
      return () => retell.post(PATH, { body });
    },
  },
];

/** Starts bench/server.mjs in its own process; resolves with its URL and a stop function. */
export async function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL("server.mjs", import.meta.url))], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [line] = await createInterface({ input: child.stdout! })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value as string]);
  return { url: `http://127.0.0.1:${line!.trim()}`, stop: () => child.stdin!.end() };
}

/** Sends `total` requests, `concurrency` at a time; returns µs per request. */
async function measure(send: Send, total: number, concurrency: number): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started += 1;
      await send();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ((performance.now() - t0) * 1000) / total;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface OverheadResult {
  requestsPerRound: number;
  rounds: number;
  modes: Record<
    string,
    Record<string, { medianUs: number; ratioToRawFetch: number; roundsUs: number[] }>
  >;
}

/** Runs the interleaved rounds and returns medians and ratios to raw fetch. */
export async function runOverhead(requestsPerRound = 3_000, rounds = 5): Promise<OverheadResult> {
  const server = await startServer();
  try {
    const sends = await Promise.all(contenders.map((c) => c.make(server.url)));
    const modes = { sequential: 1, "concurrency 64": 64 };
    const samples: Record<string, Record<string, number[]>> = {};
    for (const [mode, concurrency] of Object.entries(modes)) {
      samples[mode] = Object.fromEntries(contenders.map((c) => [c.name, []]));
      for (const send of sends) await measure(send, 500, concurrency); // warm-up
    }
    for (let round = 0; round < rounds; round++) {
      for (const [mode, concurrency] of Object.entries(modes)) {
        // Rotate the order each round so no contender always runs first.
        for (let i = 0; i < contenders.length; i++) {
          const index = (i + round) % contenders.length;
          const us = await measure(sends[index]!, requestsPerRound, concurrency);
          samples[mode]![contenders[index]!.name]!.push(us);
        }
      }
      process.stdout.write(`  overhead round ${round + 1}/${rounds} done\n`);
    }
    const result: OverheadResult["modes"] = {};
    for (const [mode, byName] of Object.entries(samples)) {
      const floor = median(byName["raw fetch"]!);
      result[mode] = Object.fromEntries(
        Object.entries(byName).map(([name, values]) => [
          name,
          {
            medianUs: Number(median(values).toFixed(1)),
            ratioToRawFetch: Number((median(values) / floor).toFixed(3)),
            roundsUs: values.map((v) => Number(v.toFixed(1))),
          },
        ]),
      );
    }
    return { requestsPerRound, rounds, modes: result };
  } finally {
    server.stop();
  }
}
