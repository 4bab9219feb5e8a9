/**
 * What a client depends on in a spec, read from an OpenAPI 3.x document whose `$ref`s are kept
 * (so that a oneOf branch is known by its schema's name): operations, their parameters, bodies,
 * success responses and security, each schema as a {@link SchemaNode} tree.
 */

/** The constraint keywords the report compares. */
export const CONSTRAINTS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "additionalProperties",
] as const;

/** A constraint keyword. */
export type Constraint = (typeof CONSTRAINTS)[number];

/** One schema, normalised: allOf merged, 3.0 `nullable` and 3.1 type lists read alike. */
export interface SchemaNode {
  /** The component's name when the schema was reached through a `$ref`. */
  ref?: string;
  title?: string;
  description?: string;
  /** Keys that change no TypeScript type (format, example, default, deprecated), as JSON. */
  notes: Record<string, string>;
  /** JSON types, sorted, without `null`; empty for a schema that accepts anything. */
  types: string[];
  nullable: boolean;
  /** Allowed values (as strings), `null` aside. */
  enum?: string[];
  constraints: Partial<Record<Constraint, number | string | boolean>>;
  readOnly: boolean;
  writeOnly: boolean;
  properties: PropertyShape[];
  items?: SchemaNode;
  /** The schema of additional properties, when one is given. */
  additional?: SchemaNode;
  /** oneOf/anyOf branches. */
  branches?: SchemaNode[];
  /** The discriminator's property, and its values by target component name. */
  discriminator?: { property: string; values: Record<string, string> };
  /** Set on a schema met again inside itself: it stands for that schema and is not entered. */
  recursive?: boolean;
}

/** A named property of an object schema. */
export interface PropertyShape {
  name: string;
  required: boolean;
  node: SchemaNode;
}

/** A parameter, by place and name. */
export interface ParameterShape {
  in: string;
  name: string;
  required: boolean;
  description?: string;
  node: SchemaNode;
}

/** A request body or a response: its media types (parameters stripped) and JSON schema. */
export interface ContentShape {
  mediaTypes: string[];
  /** The schema of the first JSON media type, if any. */
  json?: SchemaNode;
  required: boolean;
  description?: string;
  /** A response's headers (names lower-cased). */
  headers: ParameterShape[];
}

/** A security scheme as a client meets it: what reaches the wire, never its key in the spec. */
export interface SecurityScheme {
  /** `apiKey in header X-Api-Key`, `http bearer`, `oauth2`... */
  wire: string;
  scopes: string[];
}

/** One operation. */
export interface OperationShape {
  method: string;
  path: string;
  operationId?: string;
  /** Summary, description, deprecation and tags, as JSON, for the documentation rule. */
  notes: Record<string, string>;
  parameters: ParameterShape[];
  body?: ContentShape;
  /** Success responses (2xx, or `default` when there is none), by status. */
  responses: Map<string, ContentShape>;
  /** Security alternatives (any one suffices), each the schemes it needs together. */
  security: SecurityScheme[][];
}

/** Operations by `METHOD /path`. */
export type ApiShape = Map<string, OperationShape>;

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json$/;
const NOTE_KEYS = ["format", "example", "examples", "default", "deprecated"];

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The value at a local JSON pointer such as `#/components/schemas/Agent`. */
function at(document: Json, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
}

const lastSegment = (pointer: string) => pointer.slice(pointer.lastIndexOf("/") + 1);

/** Follows `$ref`s (locals only; a dangling one reads as an empty schema). */
function deref(document: Json, value: unknown, seen = new Set<string>()): Json {
  if (!isObject(value)) return {};
  const ref = value["$ref"];
  if (typeof ref !== "string" || !ref.startsWith("#") || seen.has(ref)) return value;
  seen.add(ref);
  return deref(document, at(document, ref), seen);
}

const stringOf = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Reads schemas into {@link SchemaNode}s, entering each `$ref` at most once per path. */
class SchemaReader {
  constructor(readonly document: Json) {}

  /** `open` holds the schemas being read on this path: met again, one is not entered. */
  read(raw: unknown, open: ReadonlySet<Json> = new Set()): SchemaNode {
    const ref = isObject(raw) && typeof raw["$ref"] === "string" ? raw["$ref"] : undefined;
    const named = ref ? { ref: lastSegment(ref) } : {};
    const target = deref(this.document, raw);
    if (open.has(target)) return { ...emptyNode(), ...named, recursive: true };
    const inside = new Set([...open, target]);
    return { ...this.node(this.merged(target, inside), inside), ...named };
  }

  /** The schema with its allOf parts folded in (properties and required lists united). */
  private merged(schema: Json, open: ReadonlySet<Json>): Json {
    const parts = Array.isArray(schema["allOf"]) ? schema["allOf"] : [];
    if (parts.length === 0) return schema;
    const resolved = parts.map((part) => {
      const target = deref(this.document, part);
      return open.has(target) ? {} : this.merged(target, new Set([...open, target]));
    });
    const merged: Json = {};
    for (const part of [...resolved, schema]) {
      for (const [key, value] of Object.entries(part)) if (key !== "allOf") merged[key] = value;
    }
    merged["properties"] = Object.assign(
      {},
      ...[...resolved, schema].map((p) => (isObject(p["properties"]) ? p["properties"] : {})),
    );
    merged["required"] = [...resolved, schema].flatMap((p) =>
      Array.isArray(p["required"]) ? p["required"] : [],
    );
    return merged;
  }

  private node(schema: Json, open: ReadonlySet<Json>): SchemaNode {
    const declared = schema["type"];
    const listed = Array.isArray(declared)
      ? declared.map(String)
      : declared
        ? [String(declared)]
        : [];
    const values = Array.isArray(schema["enum"])
      ? schema["enum"]
      : "const" in schema
        ? [schema["const"]]
        : undefined;
    const properties = isObject(schema["properties"]) ? schema["properties"] : {};
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"] : []);
    const inferred =
      listed.length > 0
        ? listed
        : Object.keys(properties).length > 0
          ? ["object"]
          : schema["items"]
            ? ["array"]
            : [];
    const node: SchemaNode = {
      notes: {},
      types: inferred.filter((t) => t !== "null").sort(),
      nullable:
        schema["nullable"] === true || listed.includes("null") || (values ?? []).includes(null),
      constraints: {},
      readOnly: schema["readOnly"] === true,
      writeOnly: schema["writeOnly"] === true,
      properties: Object.entries(properties).map(([name, child]) => ({
        name,
        required: required.has(name),
        node: this.read(child, open),
      })),
    };
    if (typeof schema["title"] === "string") node.title = schema["title"];
    if (typeof schema["description"] === "string") node.description = schema["description"];
    for (const key of NOTE_KEYS) if (key in schema) node.notes[key] = stringOf(schema[key]);
    if (values) node.enum = values.filter((v) => v !== null).map(stringOf);
    for (const key of CONSTRAINTS) {
      const value = schema[key];
      if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
        node.constraints[key] = value;
      }
    }
    if (schema["items"] !== undefined) node.items = this.read(schema["items"], open);
    if (isObject(schema["additionalProperties"])) {
      node.additional = this.read(schema["additionalProperties"], open);
    }
    const branches = [schema["oneOf"], schema["anyOf"]].flatMap((list) =>
      Array.isArray(list) ? list : [],
    );
    if (branches.length > 0) node.branches = branches.map((branch) => this.read(branch, open));
    const discriminator = schema["discriminator"];
    if (isObject(discriminator) && typeof discriminator["propertyName"] === "string") {
      const mapping = isObject(discriminator["mapping"]) ? discriminator["mapping"] : {};
      node.discriminator = {
        property: discriminator["propertyName"],
        values: Object.fromEntries(
          Object.entries(mapping).map(([value, target]) => [lastSegment(String(target)), value]),
        ),
      };
    }
    return node;
  }
}

/** A schema that accepts anything and says nothing. */
export function emptyNode(): SchemaNode {
  return {
    notes: {},
    types: [],
    nullable: false,
    constraints: {},
    readOnly: false,
    writeOnly: false,
    properties: [],
  };
}

/** A parameter or header (whose names are case-insensitive, so lower-cased). */
function parameterOf(reader: SchemaReader, parameter: Json): ParameterShape {
  const place = String(parameter["in"]);
  const name = String(parameter["name"]);
  return {
    in: place,
    name: place === "header" ? name.toLowerCase() : name,
    required: parameter["required"] === true,
    ...(typeof parameter["description"] === "string"
      ? { description: parameter["description"] }
      : {}),
    node: reader.read(parameter["schema"] ?? {}),
  };
}

const mediaTypeName = (name: string) => name.split(";")[0]!.trim().toLowerCase();

function contentOf(reader: SchemaReader, holder: Json, required: boolean): ContentShape {
  const content = isObject(holder["content"]) ? holder["content"] : {};
  const mediaTypes = [...new Set(Object.keys(content).map(mediaTypeName))].sort();
  const jsonKey = Object.keys(content).find((key) => JSON_MEDIA_TYPE.test(mediaTypeName(key)));
  const headers = Object.entries(isObject(holder["headers"]) ? holder["headers"] : {}).map(
    ([name, raw]) => parameterOf(reader, { ...deref(reader.document, raw), name, in: "header" }),
  );
  const shape: ContentShape = { mediaTypes, required, headers };
  const media = jsonKey ? content[jsonKey] : undefined;
  if (isObject(media)) shape.json = reader.read(media["schema"] ?? {});
  if (typeof holder["description"] === "string") shape.description = holder["description"];
  return shape;
}

/** Each scheme of a requirement, described by what a client sends, with its scopes. */
function securityOf(document: Json, requirements: unknown): SecurityScheme[][] {
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemes = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  if (!Array.isArray(requirements)) return [];
  return requirements.filter(isObject).map((requirement) =>
    Object.entries(requirement)
      .map(([key, scopes]) => {
        const scheme = deref(document, schemes[key]);
        const type = String(scheme["type"] ?? `undefined scheme ${key}`);
        const wire =
          type === "apiKey"
            ? `apiKey in ${String(scheme["in"])} ${String(scheme["name"])}`
            : type === "http"
              ? `http ${String(scheme["scheme"]).toLowerCase()}`
              : type;
        return { wire, scopes: Array.isArray(scopes) ? scopes.map(String).sort() : [] };
      })
      .sort((a, b) => a.wire.localeCompare(b.wire)),
  );
}

/** The shape of an OpenAPI 3.x document (refs kept or not). */
export function apiShape(document: Json): ApiShape {
  const reader = new SchemaReader(document);
  const shape: ApiShape = new Map();
  const paths = isObject(document["paths"]) ? document["paths"] : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = new Map<string, ParameterShape>();
      for (const raw of [item["parameters"], operation["parameters"]].flatMap((list) =>
        Array.isArray(list) ? list : [],
      )) {
        const parameter = parameterOf(reader, deref(document, raw));
        parameters.set(`${parameter.in} ${parameter.name}`, parameter);
      }
      const notes: Record<string, string> = {};
      for (const key of ["summary", "description", "deprecated", "tags"]) {
        if (key in operation) notes[key] = stringOf(operation[key]);
      }
      const rawBody = operation["requestBody"];
      const body = rawBody ? deref(document, rawBody) : undefined;
      const responses = isObject(operation["responses"]) ? operation["responses"] : {};
      const statuses = Object.keys(responses).filter((status) => /^2/.test(status));
      const successes = new Map<string, ContentShape>();
      for (const status of statuses.length > 0 ? statuses : ["default"]) {
        if (status in responses) {
          successes.set(status, contentOf(reader, deref(document, responses[status]), true));
        }
      }
      shape.set(`${method.toUpperCase()} ${path}`, {
        method: method.toUpperCase(),
        path,
        ...(typeof operation["operationId"] === "string"
          ? { operationId: operation["operationId"] }
          : {}),
        notes,
        parameters: [...parameters.values()],
        ...(body ? { body: contentOf(reader, body, body["required"] === true) } : {}),
        responses: successes,
        security: securityOf(document, operation["security"] ?? document["security"]),
      });
    }
  }
  return shape;
}
