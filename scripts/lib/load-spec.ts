import { bundle, createConfig, detectSpec, lint } from "@redocly/openapi-core";

/** A spec that failed validation: every problem, each naming where it is. */
export class InvalidSpecError extends Error {
  constructor(
    source: string,
    readonly problems: string[],
  ) {
    super(
      `${source} is not a valid OpenAPI 3.x document:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

export interface LoadedSpec {
  /** The document as written (refs kept), for writing back. */
  document: Record<string, unknown>;
  /** The same document with every `$ref` replaced by its target, for comparing. */
  dereferenced: Record<string, unknown>;
}

const valueAt = (doc: unknown, pointer: string): unknown =>
  pointer
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);

/**
 * Loads an OpenAPI document from a file or URL (JSON or YAML) with Redocly's openapi-core,
 * checks that it is OpenAPI 3.x, valid in structure and with every `$ref` resolved, and
 * returns it as written and dereferenced. Throws {@link InvalidSpecError} otherwise.
 */
export async function loadSpec(source: string): Promise<LoadedSpec> {
  const config = await createConfig({
    rules: { struct: "error", "no-unresolved-refs": "error" },
  });
  const bundled = await bundle({ ref: source, config, dereference: false }).catch(
    (error: Error) => {
      throw new InvalidSpecError(source, [`cannot be read: ${error.message}`]);
    },
  );
  const document = bundled.bundle.parsed as Record<string, unknown> | undefined;
  if (!document || typeof document !== "object") {
    throw new InvalidSpecError(source, ["is empty or not a JSON/YAML object"]);
  }
  let version: string;
  try {
    version = detectSpec(document);
  } catch (error) {
    throw new InvalidSpecError(source, [(error as Error).message]);
  }
  if (!version.startsWith("oas3")) {
    throw new InvalidSpecError(source, [`is ${version}, not OpenAPI 3.x`]);
  }
  const problems = (await lint({ ref: source, config }))
    .filter((problem) => problem.severity === "error")
    .map((problem) => {
      const pointer = problem.location[0]?.pointer ?? "";
      const ref = (valueAt(document, pointer) as { $ref?: unknown } | undefined)?.$ref;
      return `${problem.message}${typeof ref === "string" ? ` ${ref}` : ""} at ${pointer}`;
    });
  if (problems.length > 0) throw new InvalidSpecError(source, problems);
  const dereferenced = await bundle({ ref: source, config, dereference: true });
  return { document, dereferenced: dereferenced.bundle.parsed as Record<string, unknown> };
}
