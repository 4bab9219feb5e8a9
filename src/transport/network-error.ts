// Codes and messages by which Node (undici), Bun and Deno say that no connection was made:
// refused, name not resolved, network unreachable, or the connect step itself timed out.
const NEVER_CONNECTED =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused|Connection refused|dns error|failed to lookup address/i;

/**
 * True when a fetch failure says the connection was never established, so the server cannot
 * have received the request. Looks through `cause` chains and `AggregateError`s. Unknown
 * failures (a browser's bare "Failed to fetch") count as possibly sent.
 */
export function neverConnected(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && NEVER_CONNECTED.test(code)) return true;
  if (typeof message === "string" && NEVER_CONNECTED.test(message)) return true;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.every((inner) => neverConnected(inner, depth + 1));
  }
  return neverConnected(cause, depth + 1);
}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:9)": the error and its first cause. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}
