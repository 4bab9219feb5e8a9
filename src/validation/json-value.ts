import type { ValidationIssue } from "../errors/index.js";

/** True for `{}`-style objects: not null, not an array, not a class instance such as a Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Lists the places in `value` that JSON cannot carry faithfully (undefined, functions,
 * symbols, bigints, NaN/Infinity, Dates and other class instances, cycles), each named by its
 * dotted path under `path`.
 */
export function findNonJsonValues(value: unknown, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ancestors = new Set<object>();
  const visit = (node: unknown, at: string): void => {
    let message: string | undefined;
    if (typeof node === "number") {
      if (!Number.isFinite(node)) message = `${node} is not valid JSON`;
    } else if (node === undefined) {
      message = "undefined is dropped by JSON; omit the key or use null";
    } else if (typeof node !== "object") {
      if (typeof node !== "string" && typeof node !== "boolean") {
        message = `a ${typeof node} cannot be sent as JSON`;
      }
    } else if (node !== null) {
      const list = Array.isArray(node);
      if (ancestors.has(node)) {
        message = "circular reference; JSON cannot carry it";
      } else if (list || isPlainObject(node)) {
        ancestors.add(node);
        for (const [key, item] of Object.entries(node)) {
          visit(item, list ? `${at}[${key}]` : `${at}.${key}`);
        }
        ancestors.delete(node);
      } else {
        const hint = node instanceof Date ? " (use date.toISOString())" : "";
        message = `a ${node.constructor?.name ?? "object"} is not plain JSON${hint}`;
      }
    }
    if (message) issues.push({ field: at, message });
  };
  visit(value, path);
  return issues;
}
