import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// The suites Stryker runs against each mutant: all but the slow ones that test no more of
// src/ (packed runtimes, Prism, the generator, docs, the demo, spec updates, load). Stryker
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
      "test/spec-update.test.ts",
      "test/load.test.ts",
    ],
    testTimeout: 15_000,
    unstubEnvs: true,
  },
});
