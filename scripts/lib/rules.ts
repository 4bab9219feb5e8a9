/**
 * The change report's rules, by direction: a request is input (a change that narrows what the
 * server accepts breaks clients), a response is output (a change that widens what the server
 * may send breaks them). Each rule names a change and its mirror image, each with its verdict;
 * the diff only says which rule and which way, and reads the verdict here.
 */

/** How a change lands on clients. */
export type Verdict = "breaking" | "not-breaking" | "info";

/** Where a rule looks: request (input), response (output), or the operation as a whole. */
export type Where = "request" | "response" | "anywhere";

/** One rule: the change one way (`forward`) and its mirror image (`mirror`). */
export interface Rule {
  where: Where;
  /** What the rule compares. */
  what: string;
  forward: { change: string; verdict: Verdict };
  mirror: { change: string; verdict: Verdict };
}

const B = "breaking" as const;
const N = "not-breaking" as const;
const I = "info" as const;

/** The rule table: the one place verdicts are decided. */
export const RULES = {
  operation: {
    where: "anywhere",
    what: "operations (method and path)",
    forward: { change: "operation removed", verdict: B },
    mirror: { change: "operation added", verdict: N },
  },
  "operation-moved": {
    where: "anywhere",
    what: "an operation's path, matched by method and path but for case, separators, a trailing slash or parameter names",
    forward: { change: "path changed", verdict: B },
    mirror: { change: "path changed back", verdict: B },
  },
  "success-status": {
    where: "anywhere",
    what: "2xx statuses of an operation",
    forward: { change: "success status removed", verdict: B },
    mirror: { change: "success status added", verdict: N },
  },
  security: {
    where: "anywhere",
    what: "security requirements (scheme type, header name and place, scopes), matched by content",
    forward: { change: "requirement added or changed", verdict: B },
    mirror: { change: "requirement removed or made optional", verdict: N },
  },
  "media-type": {
    where: "anywhere",
    what: "media types of a request body or a success response",
    forward: { change: "media type removed", verdict: B },
    mirror: { change: "media type added", verdict: N },
  },
  rename: {
    where: "anywhere",
    what: "fields and parameters renamed (same name but for case and separators, or same type, description and position among unchanged siblings)",
    forward: { change: "renamed", verdict: B },
    mirror: { change: "renamed back", verdict: B },
  },
  "request-field": {
    where: "request",
    what: "request fields, parameters and bodies",
    forward: { change: "removed", verdict: B },
    mirror: { change: "added, optional", verdict: N },
  },
  "request-required": {
    where: "request",
    what: "whether a request field, parameter or body is required",
    forward: { change: "added as required, or made required", verdict: B },
    mirror: { change: "made optional", verdict: N },
  },
  "request-read-only": {
    where: "request",
    what: "readOnly on request fields (never sent by clients)",
    forward: { change: "readOnly field becomes required input", verdict: B },
    mirror: { change: "input becomes readOnly", verdict: N },
  },
  "request-type": {
    where: "request",
    what: "the type of a request field (integer within number, anything within no type)",
    forward: { change: "type narrowed or changed", verdict: B },
    mirror: { change: "type widened", verdict: N },
  },
  "request-nullable": {
    where: "request",
    what: "whether a request field accepts null",
    forward: { change: "made non-nullable", verdict: B },
    mirror: { change: "made nullable", verdict: N },
  },
  "request-enum": {
    where: "request",
    what: "the values a request field accepts",
    forward: { change: "enum values removed, or enum added", verdict: B },
    mirror: { change: "enum values added, or enum dropped", verdict: N },
  },
  "request-constraint": {
    where: "request",
    what: "minimum/maximum, lengths, pattern, multipleOf, min/max items or properties, uniqueItems, additionalProperties",
    forward: { change: "constraint tightened or changed", verdict: B },
    mirror: { change: "constraint loosened", verdict: N },
  },
  "request-branch": {
    where: "request",
    what: "oneOf/anyOf branches of a request schema, matched by content",
    forward: { change: "branch removed", verdict: B },
    mirror: { change: "branch added", verdict: N },
  },
  "response-field": {
    where: "response",
    what: "response fields and headers",
    forward: { change: "removed", verdict: B },
    mirror: { change: "added", verdict: N },
  },
  "response-required": {
    where: "response",
    what: "whether a response field or header is always present",
    forward: { change: "made optional", verdict: B },
    mirror: { change: "made required", verdict: N },
  },
  "response-write-only": {
    where: "response",
    what: "writeOnly on response fields (never sent by the server)",
    forward: { change: "field becomes writeOnly", verdict: B },
    mirror: { change: "writeOnly dropped", verdict: N },
  },
  "response-type": {
    where: "response",
    what: "the type of a response field",
    forward: { change: "type widened or changed", verdict: B },
    mirror: { change: "type narrowed", verdict: N },
  },
  "response-nullable": {
    where: "response",
    what: "whether a response field may be null",
    forward: { change: "made nullable", verdict: B },
    mirror: { change: "made non-nullable", verdict: N },
  },
  "response-enum": {
    where: "response",
    what: "the values a response field may take",
    forward: { change: "enum values added, or enum dropped", verdict: B },
    mirror: { change: "enum values removed, or enum added", verdict: N },
  },
  "response-constraint": {
    where: "response",
    what: "the same constraints, on values the server sends",
    forward: { change: "constraint loosened or changed", verdict: B },
    mirror: { change: "constraint tightened", verdict: N },
  },
  "response-branch": {
    where: "response",
    what: "oneOf/anyOf branches of a response schema, matched by content",
    forward: { change: "branch added", verdict: B },
    mirror: { change: "branch removed", verdict: N },
  },
  documentation: {
    where: "anywhere",
    what: "descriptions, summaries, titles, examples, defaults, formats, deprecation (none changes the TypeScript type)",
    forward: { change: "changed", verdict: I },
    mirror: { change: "changed back", verdict: I },
  },
} as const satisfies Record<string, Rule>;

/** A rule's id. */
export type RuleId = keyof typeof RULES;

/** The verdict of `rule` going forward, or as its mirror image. */
export const verdictOf = (rule: RuleId, mirror: boolean): Verdict =>
  RULES[rule][mirror ? "mirror" : "forward"].verdict;
