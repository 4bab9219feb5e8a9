const SNIPPET_LENGTH = 200;

/**
 * A short, single-line excerpt of a text from a server (tags of an HTML page dropped), cut at
 * 200 characters: what an error message shows of a body or a server's own message.
 */
export function snippetOf(text: string): string {
  const flat = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
