/**
 * Where the one-call bundle's bytes go, by module: esbuild bundles the app from `src/` with
 * identifiers and syntax minified, splits the output at its per-module markers, minifies each
 * part's whitespace, and charges each module its minified bytes and the gzip bytes it adds to
 * the modules before it (so the gzip column sums to the whole).
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface ModuleSize {
  minBytes: number;
  gzipBytes: number;
}

const gz = (text: string) => gzipSync(text, { level: 9 }).byteLength;

/** Bytes by module of bench/apps/agni-client.js built from `src/`, largest first. */
export async function moduleBreakdown(
  entry = "bench/apps/agni-client.js",
): Promise<Record<string, ModuleSize>> {
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    alias: { "agni-client": `${root}src/index.ts` },
  });
  const text = result.outputFiles[0]!.text;
  // esbuild opens each module's code with a "// path" line when whitespace is kept.
  const parts = text.split(/^\/\/ (\S+)\n/m);
  const sizes: Record<string, ModuleSize> = {};
  let before = "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!.replace(/^node_modules\/([^/]+)\/.*/, "$1");
    const { code } = await esbuild.transform(parts[i + 1]!, { minifyWhitespace: true });
    const size = (sizes[name] ??= { minBytes: 0, gzipBytes: 0 });
    size.minBytes += code.length;
    size.gzipBytes += gz(before + code) - gz(before);
    before += code;
  }
  return Object.fromEntries(
    Object.entries(sizes).sort(([, a], [, b]) => b.gzipBytes - a.gzipBytes),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await moduleBreakdown();
  let min = 0;
  let gzip = 0;
  for (const [name, size] of Object.entries(sizes)) {
    console.log(
      `${String(size.minBytes).padStart(6)} ${String(size.gzipBytes).padStart(6)}  ${name}`,
    );
    min += size.minBytes;
    gzip += size.gzipBytes;
  }
  console.log(`${String(min).padStart(6)} ${String(gzip).padStart(6)}  total (min, gzip)`);
}
