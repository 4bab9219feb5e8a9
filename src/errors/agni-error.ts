/**
 * What every {@link AgniError} records about the request it concerns.
 *
 * @example
 * class MyError extends AgniError {}
 * throw new MyError("failed", { safeToRetry: false, attempts: 1 });
 */
export interface AgniErrorOptions {
  /** Whether sending the same request again cannot duplicate its effect. */
  safeToRetry: boolean;
  /** How many times the request was sent (0 when it never was). */
  attempts: number;
  /** The underlying error, when there is one. */
  cause?: unknown;
}

/**
 * Base class of every error this client throws: `err instanceof AgniError` catches them all.
 *
 * @example
 * try { await agni.calls.createOutboundCall(params); }
 * catch (err) {
 *   if (err instanceof AgniError && err.safeToRetry) { // the call certainly was not placed
 *   }
 * }
 */
export class AgniError extends Error {
  static {
    // On the prototype, so the stack header shows it and minifiers cannot rename it.
    this.prototype.name = "AgniError";
  }

  // Fields here and in the subclasses are `declare`d and set in the constructor, so the build
  // carries no second list of them.
  /**
   * `true` when the request certainly did not take effect (bad input, a connection never
   * established, a 4xx answer), so sending it again cannot place a call twice; `false` when it
   * may have (a time-out or reset after sending, a 5xx, a 2xx whose body could not be used).
   */
  declare readonly safeToRetry: boolean;
  /** How many times the request was sent, retries included (0 when it never was). */
  declare readonly attempts: number;

  constructor(message: string, options: AgniErrorOptions) {
    // Error takes `cause` from the options only when they have the key, and ignores the rest.
    super(message, options);
    this.safeToRetry = options.safeToRetry;
    this.attempts = options.attempts;
  }
}

/** " (after 3 attempts)" when the request was sent more than once, else "". */
export const attemptsSuffix = (attempts: number): string =>
  attempts > 1 ? ` (after ${attempts} attempts)` : "";
