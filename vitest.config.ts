import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
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
