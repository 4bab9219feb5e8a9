/** What a client depends on in a spec: operations, and the fields of requests and answers. */

/** One field, named by its dotted path (`metadata.id`, `items[].name`, `query.page`). */
export interface FieldShape {
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
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
};

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const MAX_DEPTH = 8;

function merge(schema: Schema): Schema {
  if (!schema.allOf) return schema;
  const parts = [schema, ...schema.allOf.map(merge)];
  return {
    ...schema,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

function typeOf(schema: Schema): string {
  return schema.type ?? (schema.properties ? "object" : schema.items ? "array" : "any");
}

/** Records every field under `schema` into `out`, paths prefixed by `prefix`. */
function collect(schema: Schema, prefix: string, out: Map<string, FieldShape>, depth: number) {
  if (depth > MAX_DEPTH) return;
  const merged = merge(schema);
  if (merged.items) collect(merged.items, `${prefix}[]`, out, depth + 1);
  for (const [name, child] of Object.entries(merged.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const field = merge(child);
    out.set(path, {
      type: typeOf(field),
      required: (merged.required ?? []).includes(name),
      ...(field.enum ? { enum: field.enum.map(String) } : {}),
    });
    collect(field, path, out, depth + 1);
  }
}

const jsonSchemaOf = (holder: unknown): Schema | undefined =>
  (holder as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
    "application/json"
  ]?.schema;

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
        request.set(`${parameter.in}.${parameter.name}`, {
          type: typeOf(schema),
          required: parameter.required === true,
          ...(schema.enum ? { enum: schema.enum.map(String) } : {}),
        });
      }
      const body = jsonSchemaOf(operation["requestBody"]);
      if (body) collect(body, "", request, 0);
      const response = new Map<string, FieldShape>();
      const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
      for (const [status, answer] of Object.entries(responses)) {
        const schema = status.startsWith("2") ? jsonSchemaOf(answer) : undefined;
        if (schema) collect(schema, "", response, 0);
      }
      shape.set(`${method.toUpperCase()} ${path}`, { request, response });
    }
  }
  return shape;
}
