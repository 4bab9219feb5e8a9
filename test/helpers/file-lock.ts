import { mkdir, rm, stat } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";

/**
 * Runs `task` holding a lock shared by every process on this machine: a directory, made
 * atomically. A lock older than `staleMs` is taken over, as its holder must have died.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  staleMs = 300_000,
): Promise<T> {
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = await stat(path).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await rm(path, { recursive: true, force: true });
      else await delay(100);
    }
  }
  try {
    return await task();
  } finally {
    await rm(path, { recursive: true, force: true });
  }
}
