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
    switch (typeof node) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(node))
          issues.push({ field: at, message: `${node} is not valid JSON` });
        return;
      case "undefined":
        issues.push({
          field: at,
          message: "undefined is dropped by JSON; omit the key or use null",
        });
        return;
      case "object":
        break;
      default:
        issues.push({ field: at, message: `a ${typeof node} cannot be sent as JSON` });
        return;
    }
    if (node === null) return;
    if (ancestors.has(node)) {
      issues.push({ field: at, message: "circular reference; JSON cannot carry it" });
      return;
    }
    if (!Array.isArray(node) && !isPlainObject(node)) {
      const kind = node.constructor?.name ?? "object";
      const hint = node instanceof Date ? " (use date.toISOString())" : "";
      issues.push({ field: at, message: `a ${kind} is not plain JSON${hint}` });
      return;
    }
    ancestors.add(node);
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${at}[${i}]`));
    else for (const [key, item] of Object.entries(node)) visit(item, `${at}.${key}`);
    ancestors.delete(node);
  };
  visit(value, path);
  return issues;
}
