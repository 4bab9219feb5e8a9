import { AgniError } from "./agni-error.js";

/**
 * One problem with the caller's input: the field it concerns and what to fix.
 *
 * @example
 * const issue: ValidationIssue = { field: "to_phone_number", message: "must be E.164" };
 */
export interface ValidationIssue {
  /** Dotted path of the field, such as `to_phone_number` or `metadata.created_at`. */
  field: string;
  /** What is wrong and what would be accepted. */
  message: string;
}

/**
 * Bad input, found before any request was sent (`attempts` is 0, `safeToRetry` true). `issues`
 * lists every problem at once.
 *
 * @example
 * catch (err) { if (err instanceof AgniValidationError) for (const i of err.issues) console.log(i.field, i.message); }
 */
export class AgniValidationError extends AgniError {
  static {
    this.prototype.name = "AgniValidationError";
  }

  /** Every problem found, in field order. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(context: string, issues: readonly ValidationIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`);
    super(`${context}:\n${lines.join("\n")}`, { safeToRetry: true, attempts: 0 });
    this.issues = issues;
  }
}
