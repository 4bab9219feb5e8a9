import type { ValidationIssue } from "../errors/index.js";
import { DEFAULT_BASE_URL } from "./options.js";

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** True for `localhost`, `127.x.x.x` and `[::1]`: traffic that never leaves the machine. */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOST.test(hostname);

/**
 * Parses `baseUrl` (relative to `page` in a browser) into its canonical form, origin and path
 * without a trailing slash, as `fetch` will see it; or lists what is wrong with it. Plain http
 * off loopback is an issue, or with `allowInsecureHttp` a warning.
 */
export function resolveBaseUrl(
  raw: string,
  page: string | undefined,
  allowInsecureHttp: boolean,
): { baseUrl: string; issues: ValidationIssue[]; warnings: string[] } {
  let url: URL | undefined;
  try {
    url = new URL(raw, page);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    const message = `must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(raw)}`;
    return { baseUrl: raw, issues: [{ field: "baseUrl", message }], warnings: [] };
  }
  const baseUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    if (allowInsecureHttp) {
      return {
        baseUrl,
        issues: [],
        warnings: [`allowInsecureHttp: the API key travels unencrypted to ${baseUrl}`],
      };
    }
    const message = `${url.origin} is plain http off loopback: the API key travels unencrypted; use https, or pass allowInsecureHttp: true`;
    return { baseUrl, issues: [{ field: "baseUrl", message }], warnings: [] };
  }
  return { baseUrl, issues: [], warnings: [] };
}
