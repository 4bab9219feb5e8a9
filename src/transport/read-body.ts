import type { ReadBody } from "./types.js";

/** Reads the body as text. */
export const readText: ReadBody<string> = (response) => response.text();

/**
 * Downloads the body and returns the response, still unread: reading a clone to the end leaves
 * every byte queued in the original, for a caller who reads it after the time limit is over.
 */
export const readWhole: ReadBody<Response> = async (response) => {
  await response.clone().arrayBuffer();
  return response;
};
