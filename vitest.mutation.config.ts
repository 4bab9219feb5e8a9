import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// The suites Stryker runs against each mutant: all but the slow ones that test no more of
// src/ (packed runtimes and bin, Prism, the generator and spec updates, docs, the demo, load). Stryker
// runs vitest in worker threads, which refuse the base config's --expose-gc.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      "test/runtimes/**",
      "test/contract.test.ts",
      "test/generate.test.ts",
      "test/docs.test.ts",
      "test/demo.test.ts",
      "test/spec-*.test.ts",
      "test/load.test.ts",
      // The packed bin runs in another process: it tests dist/, not the mutated src/.
      "test/cli/bin.test.ts",
    ],
    testTimeout: 15_000,
    unstubEnvs: true,
  },
});
