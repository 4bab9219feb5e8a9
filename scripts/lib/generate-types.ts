import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseYaml } from "@redocly/openapi-core";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import * as prettier from "prettier";
import { apiFacts, renderFacts } from "./facts.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Formats generated source with the project's prettier config, wherever the output goes. */
async function format(source: string): Promise<string> {
  const config = await prettier.resolveConfig(resolve(root, "src/generated/agni.ts"));
  return prettier.format(source, { ...config, parser: "typescript" });
}

/**
 * The text of `src/generated/agni.ts` for the spec at `specPath`: openapi-typescript's output
 * under a generated-file header, formatted by the project's prettier config.
 */
export async function generateTypes(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // `type: object` with no properties (metadata, prompt_dynamic_variables) must accept any
    // keys; openapi-typescript's default, Record<string, never>, accepts none.
    emptyObjectsUnknown: true,
    silent: true,
  });
  const header =
    COMMENT_HEADER.trimEnd() +
    `\n// Generated from openapi/agni.yaml by scripts/generate.ts: run \`npm run generate\`.\n\n`;
  return format(header + astToString(ast));
}

/** The text of `src/generated/agni-facts.ts` (the wrapper's run-time facts) for a spec. */
export async function generateFacts(specPath: string): Promise<string> {
  const document = parseYaml(await readFile(specPath, "utf8")) as Record<string, unknown>;
  return format(renderFacts(apiFacts(document)));
}

/** Both generated files for one spec. */
export async function generateAll(specPath: string): Promise<{ types: string; facts: string }> {
  const [types, facts] = await Promise.all([generateTypes(specPath), generateFacts(specPath)]);
  return { types, facts };
}
