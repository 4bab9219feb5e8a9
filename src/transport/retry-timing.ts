/** The longest backoff between attempts. */
export const MAX_BACKOFF_MS = 8_000;
const INITIAL_BACKOFF_MS = 500;

/**
 * Exponential backoff before retry number `retry` (1 for the first): 0.5 s, 1 s, 2 s, ... up to
 * 8 s, less up to 25% jitter so that many clients do not retry in step.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (retry - 1));
  return base * (1 - 0.25 * random());
}
