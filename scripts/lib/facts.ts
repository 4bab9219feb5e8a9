/**
 * The run-time facts the wrapper reads from the spec (what it used to copy by hand), written
 * beside the generated types as `src/generated/agni-facts.ts`. It ships in the bundle, so it
 * holds only the operations the wrapper's helpers call.
 */
import { apiShape } from "./api-shape.js";

/** The operations whose request bodies the call helpers build and validate. */
export const WRAPPED_OPERATIONS = ["POST /api/v1/calling/create-call"];

/** What the helpers check in a request body. */
export interface RequestFacts {
  /** Every field, in the spec's order. */
  fields: string[];
  required: string[];
  /** Allowed values of string enum fields, by field. */
  enums: Record<string, string[]>;
  /** Fields that are objects (`type: object`). */
  objects: string[];
}

/** The facts, by operation (`METHOD /path`), and the API key's header. */
export interface ApiFacts {
  operations: Record<string, { request: RequestFacts }>;
  /** The API key scheme the spec requires (or the first it defines); null when there is none. */
  apiKey: { name: string; in: string } | null;
}

type Json = Record<string, unknown>;
const objectAt = (value: unknown, key: string): Json => {
  const found = (value as Json | undefined)?.[key];
  return typeof found === "object" && found !== null ? (found as Json) : {};
};

function apiKeyOf(document: Json): ApiFacts["apiKey"] {
  const schemes = objectAt(objectAt(document, "components"), "securitySchemes");
  const required = (Array.isArray(document["security"]) ? document["security"] : []).flatMap(
    (requirement: Json) => Object.keys(requirement ?? {}),
  );
  const isApiKey = (key: string) => objectAt(schemes, key)["type"] === "apiKey";
  const key = required.find(isApiKey) ?? Object.keys(schemes).find(isApiKey);
  if (key === undefined) return null;
  const scheme = objectAt(schemes, key);
  return { name: String(scheme["name"]), in: String(scheme["in"]) };
}

/**
 * The facts of `operations` in a spec (refs kept or not). An operation the spec lacks, or
 * whose body is not a JSON object, is left out: the wrapper's code naming it then fails to build.
 */
export function apiFacts(document: Json, operations = WRAPPED_OPERATIONS): ApiFacts {
  const shape = apiShape(document);
  const facts: ApiFacts = { operations: {}, apiKey: apiKeyOf(document) };
  for (const key of operations) {
    const properties = shape.get(key)?.body?.json?.properties;
    if (!properties) continue;
    const enums: Record<string, string[]> = {};
    for (const { name, node } of properties) {
      if (node.enum && node.types.join() === "string") enums[name] = node.enum;
    }
    facts.operations[key] = {
      request: {
        fields: properties.map((p) => p.name),
        required: properties.filter((p) => p.required).map((p) => p.name),
        enums,
        objects: properties.filter((p) => p.node.types.join() === "object").map((p) => p.name),
      },
    };
  }
  return facts;
}

/** The module's source (unformatted). */
export function renderFacts(facts: ApiFacts): string {
  return `// Generated from openapi/agni.yaml by scripts/generate.ts: run \`npm run generate\`.
// Do not make direct changes to the file.

/** What the call helpers check in each request body they build, by operation. */
export const operationFacts = ${JSON.stringify(facts.operations)} as const;

/** Where the API key goes (\`securitySchemes\`): the header's name, and its place. */
export const apiKeyHeader = ${JSON.stringify(facts.apiKey)} as const;
`;
}
