/**
 * `npm run spec:update -- <url-or-file> [--allow-breaking] [--report-file <file>] [--json <file>]`
 *
 * Brings in a new upstream spec: validates it (OpenAPI 3.x, structure, every $ref resolved),
 * prints what changed for clients (rules in scripts/lib/rules.ts), and, unless a change is
 * breaking and --allow-breaking is absent, writes openapi/agni.yaml and regenerates
 * src/generated/agni.ts and src/generated/agni-facts.ts.
 *
 * --report-file <file>  also writes the markdown report (what the pull request shows).
 * --json <file>         writes the same report as JSON; `--json -` writes it to stdout, and
 *                       then the markdown and messages go to stderr.
 * --root <dir>          the project to update (default: this one; used by the tests).
 *
 * Exit codes: 0 done (or nothing changed), 2 breaking changes not accepted (nothing written),
 * 1 invalid spec (nothing written).
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringifyYaml } from "@redocly/openapi-core";
import { apiShape } from "./lib/api-shape.js";
import { diffApi } from "./lib/diff-api.js";
import { generateAll } from "./lib/generate-types.js";
import { InvalidSpecError, loadSpec } from "./lib/load-spec.js";
import { buildReport, renderMarkdown } from "./lib/report.js";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "allow-breaking": { type: "boolean", default: false },
    "report-file": { type: "string" },
    json: { type: "string" },
    root: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
  },
});
const [source] = positionals;
if (!source || positionals.length > 1) {
  console.error(
    "usage: npm run spec:update -- <url-or-file> [--allow-breaking] [--report-file <file>] [--json <file>|-]",
  );
  process.exit(1);
}
const jsonToStdout = args.json === "-";
const say = jsonToStdout ? console.error : console.log;
const specPath = resolve(args.root, "openapi/agni.yaml");
const outputs = {
  types: resolve(args.root, "src/generated/agni.ts"),
  facts: resolve(args.root, "src/generated/agni-facts.ts"),
};
const input = /^https?:\/\//.test(source) ? source : resolve(source);

try {
  const [current, next] = await Promise.all([loadSpec(specPath), loadSpec(input)]);
  const after = apiShape(next.document);
  const changes = diffApi(apiShape(current.document), after);

  // Generate before writing anything: a spec openapi-typescript cannot read changes nothing.
  const yaml = stringifyYaml(next.document, { lineWidth: -1, noRefs: true });
  const tmpSpec = `${specPath}.next`;
  await writeFile(tmpSpec, yaml);
  const generated = await generateAll(tmpSpec).finally(() => rm(tmpSpec, { force: true }));
  const unchanged =
    generated.types === (await readFile(outputs.types, "utf8").catch(() => "")) &&
    generated.facts === (await readFile(outputs.facts, "utf8").catch(() => ""));

  const report = buildReport(changes, after.size, "openapi/agni.yaml", source);
  let markdown = renderMarkdown(report);
  if (changes.length === 0 && !unchanged) {
    markdown += "\nThe rules find no change, yet the generated types differ: read their diff.\n";
  }
  say(markdown);
  if (args["report-file"]) await writeFile(args["report-file"], markdown);
  const json = `${JSON.stringify({ ...report, generatedFilesChange: !unchanged }, null, 2)}\n`;
  if (jsonToStdout) process.stdout.write(json);
  else if (args.json) await writeFile(args.json, json);

  const { breaking } = report.totals;
  if (breaking > 0 && !args["allow-breaking"]) {
    console.error(
      `${breaking} breaking change(s): nothing written. Review them, then run again with --allow-breaking.`,
    );
    process.exit(2);
  }
  if (changes.length === 0 && unchanged) {
    // Only the document's formatting differs: keep upstream's file as it is.
    say("Nothing to update: the files this spec gives are the ones committed.");
  } else {
    await writeFile(specPath, yaml);
    await writeFile(outputs.types, generated.types);
    await writeFile(outputs.facts, generated.facts);
    say(
      "Wrote openapi/agni.yaml, src/generated/agni.ts and src/generated/agni-facts.ts; run `npm test` next.",
    );
  }
} catch (error) {
  if (error instanceof InvalidSpecError) {
    console.error(`${error.message}\nNothing was written.`);
    process.exit(1);
  }
  throw error;
}
