/**
 * Property-based test of the proxy: random methods, paths (encodings, dot segments, double
 * slashes, odd characters), query strings, headers and bodies, large ones included. Whatever
 * comes in, nothing off the allow list reaches the upstream server on 127.0.0.1, and the path
 * it decodes always matches an allowed template, judged here independently of the proxy's
 * own matcher.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAgniProxy, type AllowedRequest } from "../../src/server/index.js";
import { API_KEY } from "../helpers/fixtures.js";
import { keyedClient } from "../helpers/upstream.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

const RUNS = 1_000;
const AGENT = "agent_123";
const ALLOW: AllowedRequest[] = [
  {
    method: "POST",
    path: "/api/v1/calling/create-call",
    body: { type: ["web_call"], agent_id: [AGENT] },
  },
  { method: "GET", path: "/api/v1/calling/call-sessions" },
  { method: "GET", path: "/api/v1/calling/call-sessions-detail/{id}" },
  { method: "DELETE", path: "/api/v1/agents/{id}" },
  { method: "PATCH", path: "/api/v1/agents/{id}/status" },
];
const NEVER_FORWARDED = [
  "cookie",
  "authorization",
  "proxy-authorization",
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-real-ip",
  "idempotency-key",
  "x-big",
];
const REFUSALS = [400, 401, 403, 404, 405, 413];

/** An independent reading of a template: a regular expression over decoded segments. */
const templatePattern = (template: string) =>
  new RegExp(
    `^${template
      .split("/")
      .map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")))
      .join("/")}$`,
  );

const segment = fc.oneof(
  {
    arbitrary: fc.constantFrom("api", "v1", "calling", "create-call", "call-sessions"),
    weight: 12,
  },
  {
    arbitrary: fc.constantFrom("call-sessions-detail", "agents", "status", "s1", "a b"),
    weight: 6,
  },
  fc.constantFrom(".", "..", "%2e", "%2E%2e", ".%2e", "%252e%252e", "...", "..;"),
  fc.constantFrom("%2F", "a%2fb", "%5C", "a%5cb", "\\", "", "%00", "%", "%zz", "%E2%28", "%25"),
  fc.constantFrom("create%2Dcall", "API", "c%61lling", "%F0%9F%93%9E", "?x", "#frag", ";x=1"),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ maxLength: 6 }),
);
const prefix = fc.oneof(
  { arbitrary: fc.constant("/api/agni"), weight: 8 },
  fc.constantFrom("/api/agn", "/api", "", "/api/agni/", "/API/agni", "/api/agni/.."),
);
const idSegment = fc.oneof(
  fc.constantFrom("s1", "a b", "agent_1", "%73%31"),
  fc.string({ minLength: 1, maxLength: 8 }).map(encodeURIComponent),
);
/** An allowed entry's path, its {params} filled in. */
const filled = (template: string) =>
  fc.tuple(
    ...template
      .slice(1)
      .split("/")
      .map((part) => (part.startsWith("{") ? idSegment : fc.constant(part))),
  );
/** Mostly the entry's own path; often with a segment replaced or added; sometimes any. */
const segmentsNear = (template: string) =>
  fc.oneof(
    { arbitrary: filled(template), weight: 5 },
    {
      arbitrary: fc
        .tuple(filled(template), fc.nat(), segment, fc.boolean())
        .map(([parts, at, odd, replace]) => {
          const copy = [...parts];
          copy.splice(at % (copy.length + 1), replace ? 1 : 0, odd);
          return copy;
        }),
      weight: 4,
    },
    fc.array(segment, { maxLength: 7 }),
  );
const query = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 20 }).map((q) => `?${q}`),
  fc.constantFrom("?page=2&search=a%20b", "?x=%2F..%2F&&y", "??", "?a=%ZZ", "?%00=%0d%0a"),
);
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.integer({ min: 1_000, max: 16_000 }).map((n) => "v".repeat(n)),
);
const headers = fc.dictionary(
  fc.constantFrom("x-api-key", "accept", "accept-language", "connection", ...NEVER_FORWARDED),
  headerValue,
  { maxKeys: 6 },
);
const webCall = fc.record({
  type: fc.constantFrom("web_call", "web_call", "outbound_call", "WEB_CALL"),
  agent_id: fc.constantFrom(AGENT, AGENT, "agent_999", ""),
  from_phone_number: fc.constant(""),
  to_phone_number: fc.constantFrom("", "+12137774445"),
});
const body = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: webCall.map((b) => JSON.stringify(b)), weight: 4 },
  fc.json(),
  fc.string({ maxLength: 40 }),
  fc
    .integer({ min: 8_000, max: 24_000 })
    .map((n) => JSON.stringify({ type: "web_call", agent_id: AGENT, pad: "x".repeat(n) })),
  fc.constant('{"type":"outbound_call","type":"web_call","agent_id":"agent_123"}'),
);
const otherMethod = fc.constantFrom(
  ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "get", "PROPFIND"],
);
/** A request aimed near one allowed entry: its method, path and a fitting body, or not quite. */
const shape = fc.constantFrom(...ALLOW).chain((entry) =>
  fc.record({
    method: fc.oneof({ arbitrary: fc.constant(entry.method), weight: 3 }, otherMethod),
    path: fc
      .tuple(prefix, segmentsNear(entry.path))
      .map(([base, parts]) => `${base}/${parts.join("/")}`),
    query,
    headers,
    body: fc.oneof({ arbitrary: webCall.map((b) => JSON.stringify(b)), weight: 2 }, body),
  }),
);

let upstream: TestServer;
beforeAll(async () => {
  upstream = await startTestServer((_, res) =>
    sendJson(res, 200, { success: true }, { "set-cookie": "s=1", "x-request-id": "r" }),
  );
});
afterAll(() => upstream?.close());

it(`forwards nothing off the allow list (${RUNS} runs)`, async () => {
  const proxy = createAgniProxy({
    client: keyedClient(upstream.url),
    basePath: "/api/agni",
    allow: ALLOW,
  });
  const tally = { forwarded: 0, refused: 0 };
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(shape, async ({ method: m, path: p, query: q, headers: h, body: b }) => {
      let request: Request;
      try {
        const bodyless = ["GET", "HEAD"].includes(m.toUpperCase());
        request = new Request(`http://app.example${p}${q}`, {
          method: m,
          headers: h,
          body: bodyless ? undefined : b,
        });
      } catch {
        fc.pre(false); // a URL or header the Request constructor refuses never reaches a handler
        return;
      }
      const before = upstream.requests.length;
      const response = await proxy(request);
      const text = await response.text();
      const sent = upstream.requests.slice(before);
      expect(sent.length).toBeLessThanOrEqual(1);
      expect(text).not.toContain(API_KEY);
      expect(response.headers.has("set-cookie")).toBe(false);

      if (sent.length === 0) {
        expect(REFUSALS).toContain(response.status);
        expect(JSON.parse(text)).toEqual({ success: false, message: expect.any(String) });
        tally.refused += 1;
        return;
      }
      tally.forwarded += 1;
      const [seen] = sent as [(typeof sent)[number]];
      const [rawPath = ""] = seen.path.split("?");
      const decoded = rawPath.split("/").map(decodeURIComponent);
      for (const part of decoded.slice(1)) {
        expect(part).not.toMatch(/^\.*$|[/\\%\0-\x1f]/);
      }
      const allowed = ALLOW.filter(
        (entry) =>
          entry.method === seen.method && templatePattern(entry.path).test(decoded.join("/")),
      );
      expect(allowed.length, `${seen.method} ${seen.path}`).toBeGreaterThan(0);
      if (allowed.every((entry) => entry.body)) {
        const forwardedBody = JSON.parse(seen.body);
        expect(forwardedBody).toMatchObject({ type: "web_call", agent_id: AGENT });
      }
      expect(seen.headers["x-api-key"]).toBe(API_KEY);
      for (const name of NEVER_FORWARDED) expect(seen.headers).not.toHaveProperty(name);
      expect(response.status).toBe(200);
    }),
    { numRuns: RUNS },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `proxy fuzz: ${RUNS} runs in ${seconds} s, ${tally.forwarded} forwarded, ${tally.refused} refused`,
  );
  // The generators reach both sides.
  expect(tally.forwarded).toBeGreaterThan(RUNS / 10);
  expect(tally.refused).toBeGreaterThan(RUNS / 2);
}, 120_000);
