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
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import * as prettier from "prettier";

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

/** Returns the generated module's text, formatted by the project's prettier config. */
async function generate(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // `type: object` with no properties (metadata, prompt_dynamic_variables) must accept any
    // keys; openapi-typescript's default, Record<string, never>, accepts none.
    emptyObjectsUnknown: true,
    silent: true,
  });
  const header =
    COMMENT_HEADER.trimEnd() +
    `\n// Generated from openapi/agni.yaml by scripts/generate.ts: run \`npm run generate\`.\n\n`;
  // The project's prettier config, wherever `--out` points, so the output never depends on it.
  const config = await prettier.resolveConfig(resolve(root, "src/generated/agni.ts"));
  return prettier.format(header + astToString(ast), { ...config, filepath: outPath });
}

const generated = await generate();
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
