/** Turns bench results into markdown tables, the goals' verdicts, and an SVG bar chart. */
import type { BenchResults } from "./run.js";

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The goals, each measured in this run: met, or missed by how much. */
export function goals(r: BenchResults): { goal: string; measured: string; verdict: string }[] {
  const seq = r.overhead.modes["sequential"]!.results;
  const c64 = r.overhead.modes["concurrency 64"]!.results;
  const ratio = (value: number, limit: number) =>
    value <= limit ? "met" : `missed by ${(value - limit).toFixed(2)}×`;
  const gz = r.size["agni-client"]!.gzipBytes;
  return [
    {
      goal: "concurrency 64: at most 1.15× raw fetch",
      measured: `${c64["agni-client"]!.ratioToRawFetch.toFixed(2)}×`,
      verdict: ratio(c64["agni-client"]!.ratioToRawFetch, 1.15),
    },
    {
      goal: "sequential: at most 1.20× raw fetch",
      measured: `${seq["agni-client"]!.ratioToRawFetch.toFixed(2)}×`,
      verdict: ratio(seq["agni-client"]!.ratioToRawFetch, 1.2),
    },
    ...[
      ["concurrency 64", c64],
      ["sequential", seq],
    ].map(([mode, results]) => {
      const own = (results as typeof seq)["agni-client"]!.ratioToRawFetch;
      const bare = (results as typeof seq)["openapi-fetch"]!.ratioToRawFetch;
      return {
        goal: `${mode as string}: no slower than openapi-fetch alone`,
        measured: `${own.toFixed(2)}× against ${bare.toFixed(2)}×`,
        verdict: own <= bare ? "met" : `missed by ${(own - bare).toFixed(2)}×`,
      };
    }),
    {
      goal: "one-call app at most 9.7 kB min+gzip (its size before the layout by role)",
      measured: `${kB(gz)} kB`,
      verdict: gz <= 9_700 ? "met" : `missed by ${gz - 9_700} bytes`,
    },
    {
      goal: "one-call app at most 6.5 kB min+gzip",
      measured: `${kB(gz)} kB`,
      verdict: gz <= 6_500 ? "met" : `missed by ${kB(gz - 6_500)} kB`,
    },
  ];
}

/** Markdown tables of every figure, with the machine and versions. */
export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number)[][], numeric = true) => {
    lines.push(
      "",
      `| ${head.join(" | ")} |`,
      `| ${head.map((_, i) => (i > 0 && numeric ? "---:" : "---")).join(" | ")} |`,
      ...rows.map((row) => `| ${row.join(" | ")} |`),
      "",
    );
  };
  lines.push(
    `Measured ${r.date} on ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}; ` +
      Object.entries(r.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(", ") +
      ".",
    "",
    `Per request (loopback create-call, one server process, warm-up, ${r.overhead.rounds} interleaved rounds; µs: the median round; × raw fetch: the median of the rounds' ratios, all from this run):`,
  );
  const seq = r.overhead.modes["sequential"]!;
  const c64 = r.overhead.modes["concurrency 64"]!;
  table(
    ["Client", "sequential µs", "× raw fetch", "concurrency 64 µs", "× raw fetch"],
    Object.keys(seq.results).map((name) => [
      name,
      seq.results[name]!.medianUs,
      seq.results[name]!.ratioToRawFetch.toFixed(2),
      c64.results[name]!.medianUs,
      c64.results[name]!.ratioToRawFetch.toFixed(2),
    ]),
  );
  const raw = r.overhead.modes["agni.raw, 1,000 calls"]!;
  lines.push(`Runs of ${raw.requests} calls at concurrency ${raw.concurrency}:`);
  table(
    ["Client", "µs per call", "× raw fetch"],
    Object.entries(raw.results).map(([name, v]) => [
      name,
      v.medianUs,
      v.ratioToRawFetch.toFixed(2),
    ]),
  );
  lines.push(
    "Memory with 1,000 calls in flight (heap and external, fresh process each, median of 3):",
  );
  table(
    ["Client", "MB per 1,000 in flight", "× raw fetch"],
    Object.entries(r.memory).map(([name, v]) => [
      name,
      MB(v.medianBytes),
      (v.medianBytes / r.memory["raw fetch"]!.medianBytes).toFixed(2),
    ]),
  );
  lines.push(
    "Bundle (esbuild, minified, browser ESM, one-line app) and cold import (fresh Node process, median of 20):",
  );
  table(
    ["Package", "min kB", "min+gzip kB", "cold import ms"],
    Object.entries(r.size).map(([name, size]) => [
      name,
      kB(size.minBytes),
      kB(size.gzipBytes),
      r.coldImport[name.replace(" alone", "")]?.medianMs ?? "–",
    ]),
  );
  lines.push(
    "Where the one-call app's bytes go, by module (built from `src/`; gzip bytes each module adds to those before it):",
  );
  table(
    ["Module", "min bytes", "gzip bytes"],
    Object.entries(r.sizeByModule).map(([name, v]) => [`\`${name}\``, v.minBytes, v.gzipBytes]),
  );
  lines.push("Goals (issue 13), from this run:");
  table(
    ["Goal", "Measured", "Verdict"],
    goals(r).map((g) => [g.goal, g.measured, g.verdict]),
    false,
  );
  lines.push(
    `Where the CPU time goes at concurrency 64 (V8 profile of ${r.profile.calls} calls after a warm-up, self time by area, % of the non-idle time):`,
  );
  const areas = [...new Set(Object.values(r.profile.areaPct).flatMap((a) => Object.keys(a)))];
  const profiled = Object.keys(r.profile.areaPct);
  table(
    ["Area", ...profiled],
    areas.map((area) => [area, ...profiled.map((name) => r.profile.areaPct[name]![area] ?? 0)]),
  );
  lines.push("agni-client's top frames by self time:");
  table(
    ["Frame", "self %"],
    r.profile.topFrames.map((f) => [`\`${f.frame.trim()}\``, f.selfPct]),
  );
  return (
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

interface Bar {
  label: string;
  value: number;
  text: string;
  ours: boolean;
}

/** A horizontal bar chart: per-request ratios, memory, min+gzip size, cold import. */
export function toSvg(r: BenchResults): string {
  const ratios = (mode: string) =>
    Object.entries(r.overhead.modes[mode]!.results).map(([label, v]) => ({
      label,
      value: v.ratioToRawFetch,
      text: `${v.ratioToRawFetch.toFixed(2)}×`,
      ours: label.startsWith("agni"),
    }));
  const panels: { title: string; bars: Bar[] }[] = [
    {
      title: "Per request at concurrency 64 (× raw fetch, lower is better)",
      bars: ratios("concurrency 64"),
    },
    { title: "Per request, sequential (× raw fetch, lower is better)", bars: ratios("sequential") },
    {
      title: "Memory per 1,000 calls in flight (MB, lower is better)",
      bars: Object.entries(r.memory).map(([label, v]) => ({
        label,
        value: v.medianBytes / 1e6,
        text: `${MB(v.medianBytes)} MB`,
        ours: label.startsWith("agni"),
      })),
    },
    {
      title: "Bundle, min+gzip (kB, lower is better)",
      bars: Object.entries(r.size)
        .filter(([label]) => label !== "agni-client/testing")
        .map(([label, v]) => ({
          label,
          value: v.gzipBytes / 1000,
          text: `${kB(v.gzipBytes)} kB`,
          ours: label === "agni-client",
        })),
    },
    {
      title: "Cold import in Node (ms, lower is better)",
      bars: Object.entries(r.coldImport).map(([label, v]) => ({
        label,
        value: v.medianMs,
        text: `${v.medianMs} ms`,
        ours: label === "agni-client",
      })),
    },
  ];
  const width = 720;
  const labelWidth = 170;
  const barMax = width - labelWidth - 90;
  const rowHeight = 24;
  let y = 10;
  const parts: string[] = [];
  for (const panel of panels) {
    y += 18;
    parts.push(`<text x="10" y="${y}" font-weight="bold">${panel.title}</text>`);
    y += 8;
    const max = Math.max(...panel.bars.map((b) => b.value));
    for (const bar of panel.bars) {
      const w = Math.max(2, (bar.value / max) * barMax);
      const fill = bar.ours ? "#2f6fde" : "#9aa4b2";
      parts.push(
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${bar.label}</text>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="16" fill="${fill}"/>`,
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}">${bar.text}</text>`,
      );
      y += rowHeight;
    }
    y += 10;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 10}" ` +
    `font-family="sans-serif" font-size="13">\n<rect width="100%" height="100%" fill="white"/>\n` +
    parts.join("\n") +
    "\n</svg>\n"
  );
}
