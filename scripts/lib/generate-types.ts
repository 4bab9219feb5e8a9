import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import * as prettier from "prettier";

const root = fileURLToPath(new URL("../..", import.meta.url));

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
  // The project's prettier config, wherever the output goes, so it never depends on the path.
  const config = await prettier.resolveConfig(resolve(root, "src/generated/agni.ts"));
  return prettier.format(header + astToString(ast), { ...config, parser: "typescript" });
}
