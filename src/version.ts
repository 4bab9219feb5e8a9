/** This package's name, sent in the `X-Agni-Client` header. */
export const PACKAGE_NAME = "agni-client";

/**
 * This package's version (kept equal to package.json's by a test).
 *
 * @example
 * console.log(`agni-client ${VERSION}`);
 */
export const VERSION = "0.1.0";
