/** The longest server-asked wait the client honours; a longer one fails at once. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** The longest backoff between attempts. */
export const MAX_BACKOFF_MS = 8_000;
const INITIAL_BACKOFF_MS = 500;

/**
 * The wait a response asks for, in ms: `retry-after-ms`, else `retry-after` as seconds or as
 * an HTTP date. `undefined` when it asks for none or the value cannot be read.
 */
export function retryAfterMs(
  header: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = header("retry-after-ms")?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = header("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff before retry number `retry` (1 for the first): 0.5 s, 1 s, 2 s, ... up to
 * 8 s, less up to 25% jitter so that many clients do not retry in step.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (retry - 1));
  return base * (1 - 0.25 * random());
}
