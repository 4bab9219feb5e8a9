/**
 * `npm run spec:update -- <url-or-file> [--allow-breaking] [--report-file <file>] [--root <dir>]`
 *
 * Brings in a new upstream spec: validates it (OpenAPI 3.x, structure, every $ref resolved),
 * prints what changed for clients, and, unless a change is breaking and --allow-breaking is
 * absent, writes openapi/agni.yaml and regenerates src/generated/agni.ts.
 * Exit codes: 0 done (or nothing changed), 2 breaking changes not accepted (nothing written),
 * 1 invalid spec (nothing written).
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringifyYaml } from "@redocly/openapi-core";
import { apiShape } from "./lib/api-shape.js";
import { diffApi, formatReport } from "./lib/diff-api.js";
import { generateTypes } from "./lib/generate-types.js";
import { InvalidSpecError, loadSpec } from "./lib/load-spec.js";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "allow-breaking": { type: "boolean", default: false },
    "report-file": { type: "string" },
    root: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
  },
});
const [source] = positionals;
if (!source || positionals.length > 1) {
  console.error(
    "usage: npm run spec:update -- <url-or-file> [--allow-breaking] [--report-file <file>]",
  );
  process.exit(1);
}
const specPath = resolve(args.root, "openapi/agni.yaml");
const typesPath = resolve(args.root, "src/generated/agni.ts");
const input = /^https?:\/\//.test(source) ? source : resolve(source);

try {
  const [current, next] = await Promise.all([loadSpec(specPath), loadSpec(input)]);
  const changes = diffApi(apiShape(current.dereferenced), apiShape(next.dereferenced));
  const report = formatReport(changes, "openapi/agni.yaml", source);
  console.log(report);
  if (args["report-file"]) await writeFile(args["report-file"], report);

  const breaking = changes.filter((change) => change.breaking).length;
  if (breaking > 0 && !args["allow-breaking"]) {
    console.error(
      `${breaking} breaking change(s): nothing written. Review them, then run again with --allow-breaking.`,
    );
    process.exit(2);
  }
  const yaml = stringifyYaml(next.document, { lineWidth: -1, noRefs: true });
  // Generate first: a spec that openapi-typescript cannot turn into types changes nothing.
  const tmpSpec = `${specPath}.next`;
  await writeFile(tmpSpec, yaml);
  const types = await generateTypes(tmpSpec).finally(() => rm(tmpSpec, { force: true }));
  if (changes.length === 0 && types === (await readFile(typesPath, "utf8"))) {
    // Only the document's formatting differs: keep upstream's file as it is.
    console.log("Nothing to update: the types this spec gives are the ones committed.");
  } else {
    await writeFile(specPath, yaml);
    await writeFile(typesPath, types);
    console.log("Wrote openapi/agni.yaml and src/generated/agni.ts; run `npm test` next.");
  }
} catch (error) {
  if (error instanceof InvalidSpecError) {
    console.error(`${error.message}\nNothing was written.`);
    process.exit(1);
  }
  throw error;
}
