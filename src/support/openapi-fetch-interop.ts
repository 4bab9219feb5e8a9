import createClientExport, { mergeHeaders } from "openapi-fetch";
import type { HeaderRecord } from "./header-record.js";

/**
 * openapi-fetch's `createClient`, however the module was loaded. Its CommonJS build exports it
 * as `exports.default`, and a CommonJS bundle using Node's interop (as our `dist/index.cjs`
 * does) receives the whole `exports` object as the default import instead.
 */
export const createClient: typeof createClientExport =
  typeof createClientExport === "function"
    ? createClientExport
    : (createClientExport as unknown as { default: typeof createClientExport }).default;

/**
 * Header sources merged as openapi-fetch merges `agni.raw`'s (a later source wins whatever the
 * case of its names), as a {@link HeaderRecord}.
 */
export const mergeHeaderRecord = (
  ...sources: (Record<string, string> | undefined)[]
): HeaderRecord => Object.fromEntries(mergeHeaders(...sources));
