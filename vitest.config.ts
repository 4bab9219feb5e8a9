import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The examples import the package by name; run them against the source.
    alias: {
      "agni-client/server": fileURLToPath(new URL("src/server/index.ts", import.meta.url)),
      "agni-client/testing": fileURLToPath(new URL("src/testing/index.ts", import.meta.url)),
      "agni-client": fileURLToPath(new URL("src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 15_000,
    // The load test reads the heap after a forced garbage collection.
    execArgv: ["--expose-gc"],
    unstubEnvs: true,
  },
});
