/**
 * Per-request overhead: the same create-call against one server process on 127.0.0.1 through
 * raw fetch (the floor), openapi-fetch alone, agni-client and retell-sdk, sequentially and at
 * concurrency 64; and runs of 1,000 calls at concurrency 64 through `agni.raw` beside raw fetch
 * and openapi-fetch. Rounds interleaved after a warm-up; medians in µs per request.
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
      const agni = (await loadAgni()).createAgniClient({ apiKey: KEY, baseUrl, logLevel: "off" });
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

/** Loads the built package, as users get it. */
const loadAgni = async () =>
  (await import(
    new URL("../dist/index.js", import.meta.url).href
  )) as typeof import("../src/index.js");

/** `agni.raw`, the typed openapi-fetch client over the transport, for the 1,000-call runs. */
export const agniRaw: Contender = {
  name: "agni.raw",
  async make(baseUrl) {
    const agni = (await loadAgni()).createAgniClient({ apiKey: KEY, baseUrl, logLevel: "off" });
    return () => agni.raw.POST(PATH, { body }).then((r) => r.data);
  },
};

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

/** The median of a list of samples. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface ModeResult {
  requests: number;
  concurrency: number;
  results: Record<string, { medianUs: number; ratioToRawFetch: number; roundsUs: number[] }>;
}

export interface OverheadResult {
  rounds: number;
  modes: Record<string, ModeResult>;
}

interface Mode {
  name: string;
  requests: number;
  concurrency: number;
  contenders: Contender[];
}

/** The modes: every contender one by one and at concurrency 64; agni.raw in runs of 1,000. */
export const modes = (requestsPerRound: number): Mode[] => [
  { name: "sequential", requests: requestsPerRound, concurrency: 1, contenders },
  { name: "concurrency 64", requests: requestsPerRound, concurrency: 64, contenders },
  {
    name: "agni.raw, 1,000 calls",
    requests: 1_000,
    concurrency: 64,
    contenders: [...contenders.slice(0, 2), agniRaw],
  },
];

/**
 * Runs the modes against one server: a warm-up of each contender, then `rounds` rounds in
 * which every mode runs every contender once, in an order rotated each round so that none
 * always goes first. Returns each median, and the median of its per-round ratios to raw fetch.
 */
export async function runOverhead(requestsPerRound = 2_000, rounds = 9): Promise<OverheadResult> {
  const server = await startServer();
  try {
    const plan = await Promise.all(
      modes(requestsPerRound).map(async (mode) => ({
        ...mode,
        sends: await Promise.all(mode.contenders.map((c) => c.make(server.url))),
        samples: mode.contenders.map((): number[] => []),
      })),
    );
    for (const mode of plan) {
      for (const send of mode.sends) await measure(send, 500, mode.concurrency); // warm-up
    }
    for (let round = 0; round < rounds; round++) {
      for (const mode of plan) {
        for (let i = 0; i < mode.sends.length; i++) {
          const index = (i + round) % mode.sends.length;
          mode.samples[index]!.push(
            await measure(mode.sends[index]!, mode.requests, mode.concurrency),
          );
        }
      }
      process.stdout.write(`  overhead round ${round + 1}/${rounds} done\n`);
    }
    const result: OverheadResult["modes"] = {};
    for (const mode of plan) {
      const floor = mode.samples[0]!; // raw fetch comes first in every mode
      result[mode.name] = {
        requests: mode.requests,
        concurrency: mode.concurrency,
        results: Object.fromEntries(
          mode.contenders.map((c, i) => {
            const values = mode.samples[i]!;
            return [
              c.name,
              {
                medianUs: Number(median(values).toFixed(1)),
                // Each round's ratio to raw fetch in that round, then their median: the load on
                // the machine drifts between rounds, less so within one.
                ratioToRawFetch: Number(median(values.map((v, r) => v / floor[r]!)).toFixed(3)),
                roundsUs: values.map((v) => Number(v.toFixed(1))),
              },
            ];
          }),
        ),
      };
    }
    return { rounds, modes: result };
  } finally {
    server.stop();
  }
}
