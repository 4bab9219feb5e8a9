/** Turns bench results into a markdown table and an SVG bar chart. */
import type { BenchResults } from "./run.js";

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** Markdown tables of every figure, with the machine and versions. */
export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(
    `Measured ${r.date} on ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}; ` +
      Object.entries(r.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(", ") +
      ".",
    "",
    `Per request (loopback create-call, ${r.overhead.requestsPerRound} requests a round, median of ${r.overhead.rounds} interleaved rounds):`,
    "",
    "| Client | sequential µs | × raw fetch | concurrency 64 µs | × raw fetch |",
    "| --- | ---: | ---: | ---: | ---: |",
  );
  const seq = r.overhead.modes["sequential"]!;
  const c64 = r.overhead.modes["concurrency 64"]!;
  for (const name of Object.keys(seq)) {
    lines.push(
      `| ${name} | ${seq[name]!.medianUs} | ${seq[name]!.ratioToRawFetch.toFixed(2)} | ` +
        `${c64[name]!.medianUs} | ${c64[name]!.ratioToRawFetch.toFixed(2)} |`,
    );
  }
  lines.push(
    "",
    "Bundle (esbuild, minified, browser ESM, one-line app) and cold import (fresh Node process, median of 20):",
    "",
    "| Package | min kB | min+gzip kB | cold import ms |",
    "| --- | ---: | ---: | ---: |",
  );
  for (const [name, size] of Object.entries(r.size)) {
    const cold = r.coldImport[name.replace(" alone", "")]?.medianMs;
    lines.push(`| ${name} | ${kB(size.minBytes)} | ${kB(size.gzipBytes)} | ${cold ?? "–"} |`);
  }
  return lines.join("\n") + "\n";
}

interface Bar {
  label: string;
  value: number;
  text: string;
  ours: boolean;
}

/** A three-panel horizontal bar chart: per-request ratio, min+gzip size, cold import. */
export function toSvg(r: BenchResults): string {
  const panels: { title: string; bars: Bar[] }[] = [
    {
      title: "Per request at concurrency 64 (× raw fetch, lower is better)",
      bars: Object.entries(r.overhead.modes["concurrency 64"]!).map(([label, v]) => ({
        label,
        value: v.ratioToRawFetch,
        text: `${v.ratioToRawFetch.toFixed(2)}×`,
        ours: label === "agni-client",
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
