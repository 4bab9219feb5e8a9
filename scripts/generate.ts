/**
 * Generates, from `openapi/agni.yaml`, the types (`src/generated/agni.ts`, openapi-typescript)
 * and the run-time facts the wrapper reads (`src/generated/agni-facts.ts`: request fields,
 * required fields, enums and object fields of the operations the helpers call, and the API
 * key's header).
 *
 *   npm run generate          write both files
 *   npm run generate:check    exit 1 when a committed file differs from what the spec gives
 *
 * `--spec <file>`, `--out <file>` (types) and `--facts-out <file>` override the paths.
 */
import { readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateAll } from "./lib/generate-types.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    spec: { type: "string", default: resolve(root, "openapi/agni.yaml") },
    out: { type: "string", default: resolve(root, "src/generated/agni.ts") },
    "facts-out": { type: "string", default: resolve(root, "src/generated/agni-facts.ts") },
  },
});
const specPath = resolve(args.spec);
const shown = (path: string) => relative(process.cwd(), path) || path;

const generated = await generateAll(specPath);
const outputs = [
  { path: resolve(args.out), text: generated.types },
  { path: resolve(args["facts-out"]), text: generated.facts },
];
const stale: string[] = [];
for (const { path, text } of outputs) {
  const current = await readFile(path, "utf8").catch(() => "");
  if (current === text) {
    console.log(`${shown(path)} is up to date with ${shown(specPath)}.`);
  } else if (args.check) {
    stale.push(shown(path));
  } else {
    await writeFile(path, text);
    console.log(`Wrote ${shown(path)} from ${shown(specPath)}.`);
  }
}
if (stale.length > 0) {
  console.error(
    `${stale.join(" and ")} ${stale.length === 1 ? "is" : "are"} out of date with ${shown(specPath)}.\n` +
      `Run \`npm run generate\` and commit the result.`,
  );
  process.exit(1);
}
