const SNIPPET_LENGTH = 200;

/** `text` cut at 200 characters, as it is otherwise: a server's own message keeps its `<…>`. */
export function cutShort(text: string): string {
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

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
  return cutShort(flat);
}
