/** The longest server-asked wait the client honours; a longer one fails at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The wait a response asks for, in ms: `retry-after-ms`, else `retry-after` as seconds or as
 * an HTTP date. `undefined` when it asks for none or the value cannot be read.
 */
export function retryAfterMs(
  header: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = header("retry-after-ms")?.trim();
  if (ms && DECIMAL.test(ms)) return Number(ms);
  const value = header("retry-after")?.trim() ?? "";
  // An HTTP date names its day or month; Date.parse alone would also take "-1" or "2026".
  const wait = DECIMAL.test(value)
    ? Number(value) * 1000
    : /[a-z]/i.test(value)
      ? Date.parse(value) - now
      : NaN;
  return Number.isNaN(wait) ? undefined : Math.max(0, wait);
}
