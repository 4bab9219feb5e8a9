/**
 * Generates `src/generated/agni.ts` from `openapi/agni.yaml` with openapi-typescript.
 *
 *   npm run generate          write the file
 *   npm run generate:check    exit 1 when the committed file differs from what the spec gives
 *
 * `--spec <file>` and `--out <file>` override the paths (used by the tests).
 */
import { readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateTypes } from "./lib/generate-types.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    spec: { type: "string", default: resolve(root, "openapi/agni.yaml") },
    out: { type: "string", default: resolve(root, "src/generated/agni.ts") },
  },
});
const specPath = resolve(args.spec);
const outPath = resolve(args.out);
const shown = (path: string) => relative(process.cwd(), path) || path;

const generated = await generateTypes(specPath);
const current = await readFile(outPath, "utf8").catch(() => "");

if (args.check) {
  if (current !== generated) {
    console.error(
      `${shown(outPath)} is out of date with ${shown(specPath)}.\n` +
        `Run \`npm run generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${shown(outPath)} is up to date with ${shown(specPath)}.`);
} else if (current === generated) {
  console.log(`${shown(outPath)} unchanged.`);
} else {
  await writeFile(outPath, generated);
  console.log(`Wrote ${shown(outPath)} from ${shown(specPath)}.`);
}
