/**
 * Every public export carries TSDoc with an example (the generated spec types aside), and so
 * does every export of the CLI's modules.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const cliModules = readdirSync(new URL("../src/cli/", import.meta.url)).map(
  (file) => `src/cli/${file}`,
);
const entries = ["src/index.ts", "src/testing/index.ts", "src/server/index.ts", ...cliModules].map(
  (entry) => fileURLToPath(new URL(`../${entry}`, import.meta.url)),
);
const GENERATED = new Set(["paths", "components", "operations"]);

it("documents every public export with an @example", () => {
  const program = ts.createProgram(entries, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      if (GENERATED.has(exported.name)) continue;
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker));
      if (!summary || !tags.includes("example")) missing.push(exported.name);
    }
  }
  expect(missing).toEqual([]);
});
