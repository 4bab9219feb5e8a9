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
    // What JSON would lose, and how to send it instead when there is a way.
    let lost = "";
    let instead = "";
    if (typeof node === "number") {
      if (!Number.isFinite(node)) lost = String(node);
    } else if (node === undefined) {
      lost = "undefined";
      instead = "; omit the key or use null";
    } else if (typeof node !== "object") {
      if (typeof node !== "string" && typeof node !== "boolean") lost = `a ${typeof node}`;
    } else if (node !== null) {
      const list = Array.isArray(node);
      if (ancestors.has(node)) {
        lost = "a circular reference";
      } else if (list || isPlainObject(node)) {
        ancestors.add(node);
        for (const [key, item] of Object.entries(node)) {
          visit(item, list ? `${at}[${key}]` : `${at}.${key}`);
        }
        ancestors.delete(node);
      } else {
        lost = `a ${node.constructor?.name ?? "object"}`;
        if (node instanceof Date) instead = "; use date.toISOString()";
      }
    }
    if (lost) issues.push({ field: at, message: `${lost} cannot be sent as JSON${instead}` });
  };
  visit(value, path);
  return issues;
}
