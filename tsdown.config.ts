import { defineConfig } from "tsdown";

export default defineConfig({
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
});
