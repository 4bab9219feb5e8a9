#!/usr/bin/env node
import { main } from "./main.js";
import type { CliIO } from "./output.js";

const io: CliIO = {
  env: process.env,
  writeStdout: (text) => void process.stdout.write(text),
  writeStderr: (text) => void process.stderr.write(text),
  waitForStop: () =>
    new Promise((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        // Listening once: a second Ctrl-C ends the process the default way.
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve(signal);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    }),
};

// exitCode rather than exit(): stdout may still be draining into a pipe.
process.exitCode = await main(process.argv.slice(2), io);
