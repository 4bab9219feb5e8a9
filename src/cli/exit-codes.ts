/**
 * The CLI's exit codes, a public contract documented in `--help` and the README.
 *
 * @example
 * if (code === EXIT.network) console.error("check safeToRetry before trying again");
 */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Usage or configuration: an unknown command or flag, no API key, a bad base URL. */
  usage: 1,
  /** Bad input; nothing was sent. */
  badInput: 2,
  /** The API answered with an error. */
  apiError: 3,
  /** Network failure or time-out. */
  network: 4,
} as const;

/**
 * One of {@link EXIT}'s values.
 *
 * @example
 * const code: ExitCode = EXIT.ok;
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
