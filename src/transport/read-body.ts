import type { ReadBody } from "./types.js";

// Statuses whose responses carry no body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Reads the body as text. */
export const readText: ReadBody<string> = (response) => response.text();

/** Reads the body as bytes; `null` for statuses that carry none (or that a Response cannot). */
export const readBytes: ReadBody<ArrayBuffer | null> = async (response) =>
  response.status < 200 || response.status > 599 || NULL_BODY_STATUSES.has(response.status)
    ? null
    : response.arrayBuffer();
