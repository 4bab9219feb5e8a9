/** An environment variable where `process.env` exists (Node, Bun, Deno's compat); else undefined. */
export const readEnv = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
  undefined;
