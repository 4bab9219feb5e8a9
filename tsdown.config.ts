import { defineConfig, type UserConfig } from "tsdown";

const library: UserConfig = {
  entry: {
    index: "src/index.ts",
    "testing/index": "src/testing/index.ts",
    "server/index": "src/server/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  outDir: "dist",
  clean: true,
  sourcemap: false,
  // node:http is imported lazily by the testing entry's server adapter, and only in Node-likes.
  deps: { neverBundle: [/^node:/] },
};

// The CLI reaches the library only through its public entries (the build fails otherwise); in
// dist/ it imports the built ones beside it rather than bundling a second copy.
const PUBLIC_ENTRIES: Record<string, string> = {
  "../index.js": "./index.js",
  "../testing/index.js": "./testing/index.js",
};

const CLI_SOURCE = /[\\/]src[\\/]cli[\\/]/;

const cli: UserConfig = {
  entry: { cli: "src/cli/bin.ts" },
  format: ["esm"],
  dts: false,
  platform: "node",
  target: "node20",
  fixedExtension: false,
  outDir: "dist",
  clean: true,
  sourcemap: false,
  plugins: [
    {
      name: "agni-client:cli-public-entries",
      resolveId(source: string, importer: string | undefined) {
        if (!importer || !CLI_SOURCE.test(importer) || !source.startsWith("../")) return null;
        const built = PUBLIC_ENTRIES[source];
        if (!built) {
          throw new Error(`${importer} imports ${source}: the CLI uses public entries only`);
        }
        return { id: built, external: true };
      },
    },
  ],
};

export default defineConfig([library, cli]);
