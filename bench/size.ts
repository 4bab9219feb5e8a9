/**
 * Bundle size: esbuild (minify, browser, ESM) of a one-line app per package that places an
 * outbound call; min and min+gzip bytes.
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

export const apps: Record<string, string> = {
  "agni-client": "bench/apps/agni-client.js",
  "agni-client/testing": "bench/apps/agni-client-testing.js",
  "openapi-fetch alone": "bench/apps/openapi-fetch.js",
  "retell-sdk": "bench/apps/retell-sdk.js",
  "@vapi-ai/server-sdk": "bench/apps/vapi-server-sdk.js",
};

export interface SizeResult {
  minBytes: number;
  gzipBytes: number;
}

/** Bundles one app; "agni-client" resolves to this repository's built `dist/`. */
export async function bundleSize(entry: string): Promise<SizeResult> {
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    alias: {
      "agni-client/testing": `${root}dist/testing/index.js`,
      "agni-client": `${root}dist/index.js`,
    },
  });
  const code = result.outputFiles[0]!.contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

export async function runSizes(): Promise<Record<string, SizeResult>> {
  const sizes: Record<string, SizeResult> = {};
  for (const [name, entry] of Object.entries(apps)) sizes[name] = await bundleSize(entry);
  return sizes;
}
