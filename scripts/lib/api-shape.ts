/** What a client depends on in a spec: operations, and the fields of requests and answers. */

/**
 * One field, named by its dotted path (`metadata.id`, `items[].name`, `query.page`, and
 * `target|1.phone` for the second branch of a oneOf/anyOf).
 */
export interface FieldShape {
  /** Type names joined by `|`, sorted, `null` included when the field is nullable. */
  type: string;
  required: boolean;
  enum?: string[];
}

export interface OperationShape {
  request: Map<string, FieldShape>;
  response: Map<string, FieldShape>;
}

/** Operations by `METHOD /path`. */
export type ApiShape = Map<string, OperationShape>;

type Schema = {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/;

function merge(schema: Schema): Schema {
  if (!schema.allOf) return schema;
  const parts = [schema, ...schema.allOf.map(merge)];
  return {
    ...schema,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

/** `string`, `integer|null` (3.1 type lists and 3.0 `nullable` alike), `object`, `any`... */
function typeOf(schema: Schema): string {
  const types = Array.isArray(schema.type)
    ? [...schema.type]
    : [schema.type ?? (schema.properties ? "object" : schema.items ? "array" : "any")];
  if (schema.nullable && !types.includes("null")) types.push("null");
  return types.sort().join("|");
}

function enumOf(schema: Schema): string[] | undefined {
  if (schema.enum) return schema.enum.map(String);
  return schema.const !== undefined ? [String(schema.const)] : undefined;
}

/**
 * Records every field under `schema` into `out`, paths prefixed by `prefix`. A schema met again
 * on its own path (a recursive schema) is recorded once, as `recursive`, and not entered.
 */
function collect(schema: Schema, prefix: string, out: Map<string, FieldShape>, path: Set<Schema>) {
  if (path.has(schema)) return;
  path.add(schema);
  const merged = merge(schema);
  if (merged.items) collect(merged.items, `${prefix}[]`, out, path);
  for (const [i, branch] of [...(merged.oneOf ?? []), ...(merged.anyOf ?? [])].entries()) {
    collect(branch, `${prefix}|${i}`, out, path);
  }
  for (const [name, child] of Object.entries(merged.properties ?? {})) {
    const field = merge(child);
    const fieldPath = prefix ? `${prefix}.${name}` : name;
    const values = enumOf(field);
    out.set(fieldPath, {
      type: path.has(child) ? "recursive" : typeOf(field),
      required: (merged.required ?? []).includes(name),
      ...(values ? { enum: values } : {}),
    });
    collect(child, fieldPath, out, path);
  }
  path.delete(schema);
}

function jsonSchemaOf(holder: unknown): Schema | undefined {
  const content = (holder as { content?: Record<string, { schema?: Schema }> } | undefined)
    ?.content;
  const type = Object.keys(content ?? {}).find((name) => JSON_MEDIA_TYPE.test(name));
  return type ? content![type]!.schema : undefined;
}

/** The shape of a dereferenced OpenAPI 3.x document. */
export function apiShape(document: Record<string, unknown>): ApiShape {
  const shape: ApiShape = new Map();
  const paths = (document["paths"] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      const request = new Map<string, FieldShape>();
      const parameters = [
        ...((item["parameters"] as unknown[]) ?? []),
        ...((operation["parameters"] as unknown[]) ?? []),
      ] as { name: string; in: string; required?: boolean; schema?: Schema }[];
      for (const parameter of parameters) {
        const schema = parameter.schema ?? {};
        const values = enumOf(schema);
        request.set(`${parameter.in}.${parameter.name}`, {
          type: typeOf(schema),
          required: parameter.required === true,
          ...(values ? { enum: values } : {}),
        });
      }
      const requestBody = operation["requestBody"] as { required?: boolean } | undefined;
      const body = jsonSchemaOf(requestBody);
      if (body) {
        request.set("body", {
          type: typeOf(merge(body)),
          required: requestBody?.required === true,
        });
        collect(body, "", request, new Set());
      }
      const response = new Map<string, FieldShape>();
      const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
      const successes = Object.keys(responses).filter((status) => status.startsWith("2"));
      for (const status of successes.length > 0 ? successes : ["default"]) {
        const schema = jsonSchemaOf(responses[status]);
        if (schema) collect(schema, "", response, new Set());
      }
      shape.set(`${method.toUpperCase()} ${path}`, { request, response });
    }
  }
  return shape;
}
