/**
 * What the CLI needs from its process, so that commands can run without one in tests.
 *
 * @example
 * const io: CliIO = {
 *   env: process.env,
 *   writeStdout: (text) => process.stdout.write(text),
 *   writeStderr: (text) => process.stderr.write(text),
 *   waitForStop: () => new Promise((resolve) => process.once("SIGINT", resolve)),
 * };
 */
export interface CliIO {
  readonly env: Readonly<Record<string, string | undefined>>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Resolves with the signal's name at the first SIGINT or SIGTERM after it is called. */
  waitForStop(): Promise<string>;
}

/**
 * The only way the CLI prints: every line passes through {@link redactSecrets}.
 *
 * @example
 * const out = createOutput(io, [io.env["AGNI_API_KEY"]]);
 * out.stdout("done\n");
 */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The text with every secret replaced by `***`. */
  redact(text: string): string;
  /** The same output, hiding one more secret. */
  withSecret(secret: string | undefined): Output;
}

/** Shown in place of a secret. */
const REDACTED = "***";

/**
 * Replaces every secret in `text` by `***`: as it is, JSON-escaped and URL-encoded, the forms
 * in which a server might echo it back.
 *
 * @example
 * redactSecrets('{"echo":"sk_123"}', ["sk_123"]); // '{"echo":"***"}'
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = secrets
    .filter((secret): secret is string => !!secret)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
    // Longest first, so that a form containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return forms.reduce((result, form) => result.split(form).join(REDACTED), text);
}

/**
 * Creates the CLI's {@link Output} over `io`, hiding `secrets`.
 *
 * @example
 * createOutput(io, ["sk_123"]).stderr("key sk_123\n"); // prints "key ***"
 */
export function createOutput(io: CliIO, secrets: readonly (string | undefined)[]): Output {
  const redact = (text: string) => redactSecrets(text, secrets);
  return {
    stdout: (text) => io.writeStdout(redact(text)),
    stderr: (text) => io.writeStderr(redact(text)),
    redact,
    withSecret: (secret) => createOutput(io, [...secrets, secret]),
  };
}
