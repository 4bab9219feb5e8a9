import { execFile } from "node:child_process";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** A spec fixture's path. */
export const fixture = (name: string) => join(root, "test/fixtures/specs", name);

/** A temporary copy of the project's spec and `src/`, with `node_modules` linked, to write into. */
export async function copyProject(prefix: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(root, "openapi"), join(project, "openapi"), { recursive: true });
  await cp(join(root, "src"), join(project, "src"), { recursive: true });
  await symlink(join(root, "node_modules"), join(project, "node_modules"), "dir");
  return project;
}

/** What a command did: its exit code and output. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws. */
export function run(file: string, args: string[], cwd = root): Promise<Outcome> {
  return new Promise((resolve) =>
    execFile(file, args, { cwd, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}

/** Runs `npm run spec:update` against the project at `project`. */
export const specUpdate = (project: string, ...args: string[]) =>
  run(join(root, "node_modules/.bin/tsx"), [
    join(root, "scripts/spec-update.ts"),
    ...args,
    "--root",
    project,
  ]);
