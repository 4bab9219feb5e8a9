/**
 * True in a browser page or a browser worker; false in Node, Deno, Bun, Cloudflare workerd
 * and Vercel's edge-runtime, which all look browser-like in parts.
 */
export function isBrowser(globals: object = globalThis): boolean {
  const g = globals as {
    process?: { versions?: { node?: string } };
    Deno?: unknown;
    Bun?: unknown;
    EdgeRuntime?: unknown;
    navigator?: { userAgent?: string };
    window?: unknown;
    document?: unknown;
    WorkerGlobalScope?: unknown;
    importScripts?: unknown;
    WebSocketPair?: unknown;
    HTMLRewriter?: unknown;
  };
  if (g.process?.versions?.node || g.Deno !== undefined || g.Bun !== undefined) return false;
  if (g.EdgeRuntime !== undefined || g.navigator?.userAgent === "Cloudflare-Workers") return false;
  // workerd without a navigator (old compatibility dates, no_global_navigator) has these.
  if (g.WebSocketPair !== undefined || g.HTMLRewriter !== undefined) return false;
  const page = typeof g.window === "object" && typeof g.document === "object";
  const worker = typeof g.WorkerGlobalScope === "function" && typeof g.importScripts === "function";
  return page || worker;
}

/** The page's URL in a browser (to resolve a relative `baseUrl`), else `undefined`. */
export function pageLocation(globals: object = globalThis): string | undefined {
  const href = (globals as { location?: { href?: unknown } }).location?.href;
  return typeof href === "string" ? href : undefined;
}
