import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { withFileLock } from "../helpers/file-lock.js";

const run = promisify(execFile);

/** The repository's root. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs a command, failing with its output when it exits non-zero or outlasts `timeoutMs`. */
export async function exec(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  try {
    const { stdout } = await run(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr, message } = error as {
      stdout?: string;
      stderr?: string;
      message: string;
    };
    throw new Error(
      `${file} ${args.join(" ")} failed: ${message}\n${stdout ?? ""}\n${stderr ?? ""}`,
    );
  }
}

/**
 * Packs the package with `npm pack` (which builds it), and installs the tarball into a new
 * project in a temporary folder, the way a user gets it, with the scenario files beside it.
 * Returns that project's folder. Suites pack one at a time: `npm pack` rebuilds `dist/`, which
 * a concurrent pack would find half cleaned.
 */
export async function preparePackedProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "agni-runtimes-"));
  const packDir = join(dir, "pack");
  await mkdir(packDir);
  const lock = join(tmpdir(), `agni-client-pack-${createHash("sha1").update(root).digest("hex")}`);
  await withFileLock(lock, () =>
    exec("npm", ["pack", "--silent", "--pack-destination", packDir], {
      cwd: root,
      timeoutMs: 120_000,
    }),
  );
  const [tarball] = await readdir(packDir);
  const project = join(dir, "project");
  await mkdir(project);
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({ name: "agni-consumer", private: true, type: "module" }),
  );
  await exec(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", join(packDir, tarball!)],
    { cwd: project, timeoutMs: 120_000 },
  );
  await cp(join(root, "test/runtimes/app"), project, { recursive: true });
  return project;
}
