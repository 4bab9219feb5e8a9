import { AgniValidationError, type ValidationIssue } from "../index.js";
import { parseTemplate } from "./path-template.js";

/**
 * A method an allow-list entry may name.
 *
 * @example
 * const method: HttpMethod = "GET";
 */
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/** Methods an allow-list entry may name. */
const HTTP_METHODS: readonly HttpMethod[] = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Throws one AgniValidationError listing every problem, if there are any. */
export function throwIfIssues(context: string, issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new AgniValidationError(`Invalid ${context} options`, issues);
}

/** The options every server handler shares: `client`, `authorize`, `maxBodyBytes`. */
export function checkCommonOptions(options: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const client = options["client"] as { raw?: { request?: unknown } } | undefined;
  if (typeof client?.raw?.request !== "function") {
    issues.push({ field: "client", message: "must be a client made by createAgniClient()" });
  }
  if (options["authorize"] !== undefined && typeof options["authorize"] !== "function") {
    issues.push({ field: "authorize", message: "must be a function" });
  }
  const max = options["maxBodyBytes"];
  if (max !== undefined && !(Number.isSafeInteger(max) && (max as number) > 0)) {
    issues.push({ field: "maxBodyBytes", message: "must be a whole number of bytes above 0" });
  }
  return issues;
}

/** Problems with `createWebCallHandler` options beyond the shared ones. */
export function checkWebCallOptions(options: Record<string, unknown>): ValidationIssue[] {
  const issues = checkCommonOptions(options);
  const agentIds = options["agentIds"];
  if (
    !Array.isArray(agentIds) ||
    agentIds.length === 0 ||
    !agentIds.every((id) => typeof id === "string" && id.trim() !== "")
  ) {
    issues.push({
      field: "agentIds",
      message: "must list at least one agent id (non-empty strings); the first is the default",
    });
  }
  for (const field of ["metadata", "promptDynamicVariables"]) {
    if (options[field] !== undefined && typeof options[field] !== "function") {
      issues.push({ field, message: "must be a function of the request" });
    }
  }
  return issues;
}

/** Problems with `createAgniProxy` options beyond the shared ones. */
export function checkProxyOptions(options: Record<string, unknown>): ValidationIssue[] {
  const issues = checkCommonOptions(options);
  const basePath = options["basePath"];
  if (
    typeof basePath !== "string" ||
    !/^(\/[^/?#%\\]+)*\/?$/.test(basePath) ||
    /(^|\/)\.+(\/|$)/.test(basePath)
  ) {
    issues.push({
      field: "basePath",
      message: 'must be a path such as "/api/agni", without empty or dot segments, %, ? or #',
    });
  }
  const allow = options["allow"];
  if (!Array.isArray(allow) || allow.length === 0) {
    issues.push({ field: "allow", message: "must list at least one { method, path } to forward" });
  } else {
    allow.forEach((entry: unknown, i) => issues.push(...checkAllowEntry(entry, `allow[${i}]`)));
  }
  const cors = options["cors"];
  if (
    cors !== undefined &&
    !(
      isRecord(cors) &&
      Array.isArray(cors["origins"]) &&
      cors["origins"].every((o) => typeof o === "string" && /^https?:\/\/[^/]+$/.test(o))
    )
  ) {
    issues.push({
      field: "cors",
      message: 'must be { origins: ["https://app.example.com", ...] }: exact origins, no paths',
    });
  }
  return issues;
}

function checkAllowEntry(entry: unknown, at: string): ValidationIssue[] {
  if (!isRecord(entry)) return [{ field: at, message: "must be { method, path, body? }" }];
  const issues: ValidationIssue[] = [];
  if (!(HTTP_METHODS as readonly unknown[]).includes(entry["method"])) {
    issues.push({ field: `${at}.method`, message: `must be one of ${HTTP_METHODS.join(", ")}` });
  }
  const parsed = typeof entry["path"] === "string" ? parseTemplate(entry["path"]) : undefined;
  if (parsed === undefined || "problem" in parsed) {
    const problem = parsed === undefined ? "must be a string" : parsed.problem;
    issues.push({
      field: `${at}.path`,
      message: `${problem} (a template such as "/api/v1/x/{id}")`,
    });
  }
  const body = entry["body"];
  if (body !== undefined) {
    const valid =
      isRecord(body) &&
      Object.values(body).every(
        (values) =>
          Array.isArray(values) &&
          values.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v)),
      );
    if (!valid) {
      issues.push({
        field: `${at}.body`,
        message: 'must map fields to lists of allowed values, such as { type: ["web_call"] }',
      });
    }
  }
  return issues;
}
