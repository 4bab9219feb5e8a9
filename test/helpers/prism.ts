import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Prism {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `prism mock openapi/agni.yaml` on 127.0.0.1: an independent implementation of the
 * spec that answers 422 (body) or 401 (X-Api-Key) to a request the spec rejects.
 */
export async function startPrism(timeoutMs = 45_000): Promise<Prism> {
  // The free port found can be taken by another process before Prism binds it: try again.
  for (let tries = 1; ; tries++) {
    try {
      return await startPrismOn(await freePort(), timeoutMs);
    } catch (error) {
      if (tries >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

async function startPrismOn(port: number, timeoutMs: number): Promise<Prism> {
  const child = spawn(
    process.execPath,
    [
      `${root}/node_modules/@stoplight/prism-cli/dist/index.js`,
      "mock",
      `${root}/openapi/agni.yaml`,
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`prism did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
