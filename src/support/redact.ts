/** Replaces secrets wherever they occur in a string or in the strings of a JSON-like value. */
export type Redact = <T>(value: T) => T;

/** Shown in place of a secret. */
export const REDACTED = "***";

/**
 * Returns a function that hides every one of `secrets` (empty ones ignored) in anything the
 * client may show: messages, error bodies and headers, log lines. Keys of objects are redacted
 * too. With no secret it returns values unchanged.
 */
export function createRedactor(secrets: readonly (string | null | undefined)[]): Redact {
  // Longest first, so that a key containing another is hidden whole.
  const hidden = [...new Set(secrets.filter((s): s is string => !!s))].sort(
    (a, b) => b.length - a.length,
  );
  if (hidden.length === 0) return (value) => value;
  const redactString = (text: string) =>
    hidden.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const redactValue = (value: unknown): unknown => {
    if (typeof value === "string") return redactString(value);
    if (Array.isArray(value)) return value.map(redactValue);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [redactString(k), redactValue(v)]),
      );
    }
    return value;
  };
  return redactValue as Redact;
}

const isPlain = (value: unknown): value is object =>
  value !== null &&
  // Stryker disable next-line ConditionalExpression: equivalent, a primitive's prototype is never Object.prototype or null
  typeof value === "object" &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** JSON of a value, or `undefined` when it has none (a cycle, a bigint). */
const jsonOf = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
    // Stryker disable next-line BlockStatement: equivalent, an empty catch also gives undefined
  } catch {
    return undefined;
  }
};

/**
 * `error` with `redact` applied to its message, stack and other own fields (strings, plain
 * objects, arrays, inner errors such as `cause`), as a copy of the same class; the error itself
 * when nothing in it needed hiding. Other objects (a socket, say) are kept as they are. For the
 * `cause` of the client's own errors, which a custom fetch may have filled with request details.
 */
export function redactError<T>(error: T, redact: Redact, depth = 0): T {
  // Stryker disable next-line EqualityOperator: equivalent, a guard against cause loops either way
  if (!(error instanceof Error) || depth > 5) return error;
  let changed = false;
  const hide = (value: unknown): unknown => {
    let shown = value;
    if (value instanceof Error) shown = redactError(value, redact, depth + 1);
    else if (Array.isArray(value)) return value.map(hide);
    else if (typeof value === "string") shown = redact(value);
    else if (isPlain(value)) {
      shown = redact(value);
      if (jsonOf(shown) === jsonOf(value)) return value;
    }
    changed ||= shown !== value;
    return shown;
  };
  const copy = Object.create(Object.getPrototypeOf(error)) as object;
  for (const key of Object.getOwnPropertyNames(error)) {
    const value: unknown = (error as unknown as Record<string, unknown>)[key];
    const shown = hide(value);
    Object.defineProperty(copy, key, {
      value: shown,
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(error, key),
    });
  }
  return changed ? (copy as T) : error;
}
