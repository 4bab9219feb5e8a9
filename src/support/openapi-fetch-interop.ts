import createClientExport from "openapi-fetch";

/**
 * openapi-fetch's `createClient`, however the module was loaded. Its CommonJS build exports it
 * as `exports.default`, and a CommonJS bundle using Node's interop (as our `dist/index.cjs`
 * does) receives the whole `exports` object as the default import instead.
 */
export const createClient: typeof createClientExport =
  typeof createClientExport === "function"
    ? createClientExport
    : (createClientExport as unknown as { default: typeof createClientExport }).default;
