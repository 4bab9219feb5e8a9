/** Replaces a secret wherever it occurs in a string or in the strings of a JSON-like value. */
export type Redact = <T>(value: T) => T;

/** Shown in place of the API key. */
export const REDACTED = "***";

/**
 * Returns a function that hides `secret` in anything the client may show: messages, error
 * bodies and headers. With no secret it returns values unchanged.
 */
export function createRedactor(secret: string | null): Redact {
  if (!secret) return (value) => value;
  const redactValue = (value: unknown): unknown => {
    if (typeof value === "string") return value.split(secret).join(REDACTED);
    if (Array.isArray(value)) return value.map(redactValue);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [redactValue(k), redactValue(v)]),
      );
    }
    return value;
  };
  return redactValue as Redact;
}
