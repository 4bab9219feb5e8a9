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
