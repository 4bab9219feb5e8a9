/**
 * Path templates (`/api/v1/calling/call-sessions-detail/{id}`) and the request paths they may
 * match. Pure: the proxy's routing decisions are all made here, on decoded segments, and the
 * path forwarded is rebuilt from the very segments that matched.
 */

/** A template segment: literal text, or `null` for a `{param}` (any one non-empty segment). */
export type TemplateSegment = string | null;

const PARAM = /^\{[^{}/]+\}$/;
const DOTS_ONLY = /^\.+$/;
// Control characters, and characters a template cannot mean literally.
const NOT_IN_TEMPLATE = /[\0-\x1f\x7f%?#\\{}]/;
const CONTROL = /[\0-\x1f\x7f]/;

/** Parses a template into its segments, or says what is wrong with it. */
export function parseTemplate(template: string): TemplateSegment[] | { problem: string } {
  if (!template.startsWith("/")) return { problem: "must start with /" };
  const parts = template.slice(1).split("/");
  if (parts.includes("")) {
    return { problem: "has an empty segment (a double or trailing slash), which never matches" };
  }
  const segments: TemplateSegment[] = [];
  for (const part of parts) {
    if (PARAM.test(part)) segments.push(null);
    else if (DOTS_ONLY.test(part)) return { problem: "has a dot segment" };
    else if (NOT_IN_TEMPLATE.test(part)) {
      return { problem: `has a segment "${part}" that is neither plain text nor a whole {param}` };
    } else segments.push(part);
  }
  return segments;
}

/**
 * Splits a request path as it appears in a URL (`/a/b%20c`) into decoded segments, or refuses
 * it: an empty segment (a double or trailing slash), bad percent-encoding, an encoded slash or
 * backslash (`%2F`, `%5C`), a dot segment however encoded, and a `%` left after decoding (a
 * double encoding such as `%252e`, which a server that decodes twice would read as a dot).
 */
export function splitRequestPath(path: string): string[] | { refused: string } {
  if (!path.startsWith("/")) return { refused: "does not start with /" };
  const segments: string[] = [];
  for (const raw of path.slice(1).split("/")) {
    if (raw === "") return { refused: "has an empty segment (a double or trailing slash)" };
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { refused: "has a malformed percent-encoding" };
    }
    if (segment.includes("/") || segment.includes("\\")) {
      return { refused: "has an encoded slash or backslash" };
    }
    if (DOTS_ONLY.test(segment)) return { refused: "has a dot segment" };
    if (segment.includes("%")) return { refused: "is encoded twice" };
    if (CONTROL.test(segment)) return { refused: "has a control character" };
    segments.push(segment);
  }
  return segments;
}

/** Whether decoded request segments match a template, segment for segment. */
export function matchesTemplate(
  template: readonly TemplateSegment[],
  segments: readonly string[],
): boolean {
  return (
    template.length === segments.length &&
    template.every((part, i) => part === null || part === segments[i])
  );
}

/** The path to send for decoded segments, each percent-encoded whole. */
export function encodePath(segments: readonly string[]): string {
  return `/${segments.map(encodeURIComponent).join("/")}`;
}
