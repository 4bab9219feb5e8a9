/**
 * A fetch-standard handler: what Next.js route handlers, Hono (`c.req.raw`), Cloudflare
 * Workers, Vercel Edge, `Deno.serve` and `Bun.serve` all call, and Node through any fetch
 * adapter.
 *
 * @example
 * const handler: FetchHandler = createWebCallHandler({ client, agentIds: ["agent_123"] });
 * Bun.serve({ fetch: handler });
 */
export type FetchHandler = (request: Request) => Promise<Response>;
