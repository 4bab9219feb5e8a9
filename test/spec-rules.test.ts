/**
 * The change report's rules (scripts/lib/rules.ts), each in both directions: a spec fragment
 * `before` → `after` gives the rule's forward change and verdict, `after` → `before` its mirror
 * image. Then the cases the old report got wrong, and content matching of oneOf branches.
 */
import { describe, expect, it } from "vitest";
import { apiShape } from "../scripts/lib/api-shape.js";
import { diffApi } from "../scripts/lib/diff-api.js";
import { RULES, type RuleId } from "../scripts/lib/rules.js";

type Doc = Record<string, unknown>;

const json = (schema: object, type = "application/json") => ({ content: { [type]: { schema } } });
const obj = (properties: object, required: string[] = []) => ({
  type: "object",
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const str = { type: "string" };
const OK = { "200": { description: "ok", ...json(obj({ id: str })) } };

/** A spec with one operation, `POST /x`, made of `operation`, and `extra` at the top. */
const api = (operation: object = {}, extra: object = {}, path = "/x"): Doc => ({
  openapi: "3.0.1",
  paths: { [path]: { post: { responses: OK, ...operation } } },
  ...extra,
});
/** A spec whose request body is `schema`. */
const request = (schema: object) => api({ requestBody: { required: true, ...json(schema) } });
/** A spec whose 200 response is `schema`. */
const response = (schema: object) =>
  api({ responses: { "200": { description: "ok", ...json(schema) } } });
/** The changes from `a` to `b`, as `rule verdict` (`~` marks a mirror image). */
const diff = (a: Doc, b: Doc) =>
  diffApi(apiShape(a), apiShape(b)).map((c) => `${c.rule}${c.mirror ? "~" : ""} ${c.verdict}`);
const messages = (a: Doc, b: Doc) =>
  diffApi(apiShape(a), apiShape(b)).map((c) => `${c.verdict}: ${c.field ?? ""} ${c.message}`);

const apiKey = (name: string, place = "header") => ({
  components: { securitySchemes: { key: { type: "apiKey", in: place, name } } },
  security: [{ key: [] }],
});
const branches = (...list: object[]) => ({ oneOf: list });
const phone = obj({ kind: { type: "string", enum: ["phone"] }, number: str });
const sip = obj({ kind: { type: "string", enum: ["sip"] }, uri: str });

/** Per rule: a spec and its successor, such that the step is the rule's forward change. */
const CASES: Record<RuleId, [Doc, Doc]> = {
  operation: [api(), { openapi: "3.0.1", paths: {} }],
  "operation-moved": [api({}, {}, "/agents"), api({}, {}, "/agents/")],
  "success-status": [api({ responses: { ...OK, "201": OK["200"] } }), api({ responses: OK })],
  security: [
    api({}, apiKey("X-Api-Key")),
    api(
      {},
      {
        components: {
          securitySchemes: {
            key: { type: "apiKey", in: "header", name: "X-Api-Key" },
            bearer: { type: "http", scheme: "bearer" },
          },
        },
        security: [{ key: [], bearer: [] }],
      },
    ),
  ],
  "media-type": [
    api({
      requestBody: {
        content: { "application/json": { schema: obj({}) }, "text/plain": { schema: str } },
      },
    }),
    api({ requestBody: { content: { "text/plain": { schema: str } } } }),
  ],
  rename: [request(obj({ agent_id: str })), request(obj({ agentId: str }))],
  "request-field": [request(obj({ a: str, b: str })), request(obj({ a: str }))],
  "request-required": [request(obj({ a: str })), request(obj({ a: str }, ["a"]))],
  "request-read-only": [
    request(obj({ a: { type: "string", readOnly: true } }, ["a"])),
    request(obj({ a: str }, ["a"])),
  ],
  "request-type": [
    request(obj({ a: { type: "number" } })),
    request(obj({ a: { type: "integer" } })),
  ],
  "request-nullable": [
    request(obj({ a: { type: "string", nullable: true } })),
    request(obj({ a: str })),
  ],
  "request-enum": [
    request(obj({ a: { type: "string", enum: ["x", "y"] } })),
    request(obj({ a: { type: "string", enum: ["x"] } })),
  ],
  "request-constraint": [
    request(obj({ a: { type: "string", maxLength: 10 } })),
    request(obj({ a: { type: "string", maxLength: 5 } })),
  ],
  "request-branch": [request(branches(phone, sip)), request(branches(phone))],
  "response-field": [response(obj({ a: str, b: str })), response(obj({ a: str }))],
  "response-required": [response(obj({ a: str }, ["a"])), response(obj({ a: str }))],
  "response-write-only": [
    response(obj({ a: str, b: str })),
    response(obj({ a: str, b: { type: "string", writeOnly: true } })),
  ],
  "response-type": [
    response(obj({ a: { type: "integer" } })),
    response(obj({ a: { type: "number" } })),
  ],
  "response-nullable": [
    response(obj({ a: str })),
    response(obj({ a: { type: "string", nullable: true } })),
  ],
  "response-enum": [
    response(obj({ a: { type: "string", enum: ["x"] } })),
    response(obj({ a: { type: "string", enum: ["x", "y"] } })),
  ],
  "response-constraint": [
    response(obj({ a: { type: "string", maxLength: 5 } })),
    response(obj({ a: { type: "string", maxLength: 10 } })),
  ],
  "response-branch": [response(branches(phone)), response(branches(phone, sip))],
  documentation: [
    request(obj({ a: { type: "string", description: "old" } })),
    request(obj({ a: { type: "string", description: "new" } })),
  ],
};

// Renames, moves and documentation are the same change read backwards: their mirror is itself.
const SELF_MIRRORED = new Set<RuleId>(["rename", "operation-moved", "documentation"]);

describe("every rule, forward and mirrored", () => {
  for (const [id, rule] of Object.entries(RULES) as [RuleId, (typeof RULES)[RuleId]][]) {
    it(`${id}: ${rule.forward.change} is ${rule.forward.verdict}; ${rule.mirror.change} is ${rule.mirror.verdict}`, () => {
      const [before, after] = CASES[id];
      const back = SELF_MIRRORED.has(id) ? "" : "~";
      expect(diff(before, after)).toEqual([`${id} ${rule.forward.verdict}`]);
      expect(diff(after, before)).toEqual([`${id}${back} ${rule.mirror.verdict}`]);
    });
  }
});

describe("request (input) rules in detail", () => {
  it("a new required field or parameter breaks, a new optional one does not", () => {
    expect(diff(request(obj({ a: str })), request(obj({ a: str, b: str }, ["b"])))).toEqual([
      "request-required breaking",
    ]);
    const query = (parameters: object[]) => api({ parameters });
    const page = { name: "page", in: "query", schema: { type: "integer" } };
    expect(diff(query([]), query([{ ...page, required: true }]))).toEqual([
      "request-required breaking",
    ]);
    expect(diff(query([]), query([page]))).toEqual(["request-field~ not-breaking"]);
    expect(diff(query([page]), query([]))).toEqual(["request-field breaking"]);
  });

  it("a readOnly field is never input: adding or dropping one, even required, is not breaking", () => {
    const ro = { type: "string", readOnly: true };
    expect(diff(request(obj({ a: str })), request(obj({ a: str, id: ro }, ["id"])))).toEqual([]);
    expect(diff(request(obj({ a: str, id: ro }, ["id"])), request(obj({ a: str })))).toEqual([]);
  });

  it("a field made nullable does not block an update (the old report called it breaking)", () => {
    expect(
      diff(request(obj({ a: str })), request(obj({ a: { type: ["string", "null"] } }))),
    ).toEqual(["request-nullable~ not-breaking"]);
  });

  it("an enum added to a free field narrows it; an enum dropped widens it", () => {
    const limited = request(obj({ a: { type: "string", enum: ["x"] } }));
    expect(diff(request(obj({ a: str })), limited)).toEqual(["request-enum breaking"]);
    expect(diff(limited, request(obj({ a: str })))).toEqual(["request-enum~ not-breaking"]);
  });

  it.each([
    ["maximum lowered", { maximum: 10 }, { maximum: 5 }],
    ["minimum raised", { minimum: 0 }, { minimum: 1 }],
    ["exclusiveMaximum set (3.0 boolean)", { maximum: 5 }, { maximum: 5, exclusiveMaximum: true }],
    ["exclusiveMinimum set (3.1 number)", {}, { exclusiveMinimum: 0 }],
    ["multipleOf made coarser", { multipleOf: 2 }, { multipleOf: 4 }],
    ["maxLength shortened", { maxLength: 120 }, { maxLength: 60 }],
    ["minLength set", {}, { minLength: 2 }],
    ["pattern set", {}, { pattern: "^\\+" }],
    ["maxItems lowered", { maxItems: 10 }, { maxItems: 3 }],
    ["minItems raised", {}, { minItems: 1 }],
    ["uniqueItems set", {}, { uniqueItems: true }],
    ["maxProperties lowered", { maxProperties: 9 }, { maxProperties: 3 }],
    ["minProperties raised", { minProperties: 1 }, { minProperties: 2 }],
    ["additionalProperties closed", {}, { additionalProperties: false }],
  ])("a tightened constraint (%s) breaks a request, and loosening it back does not", (_n, a, b) => {
    const field = (extra: object) => request(obj({ a: { ...extra } }));
    expect(diff(field(a), field(b))).toEqual(["request-constraint breaking"]);
    expect(diff(field(b), field(a))).toEqual(["request-constraint~ not-breaking"]);
  });

  it("a pattern changed to another breaks both ways, in requests and responses", () => {
    const [a, b] = [
      { type: "string", pattern: "^a" },
      { type: "string", pattern: "^b" },
    ];
    expect(diff(request(obj({ a })), request(obj({ a: b })))).toEqual([
      "request-constraint breaking",
    ]);
    expect(diff(response(obj({ a: b })), response(obj({ a })))).toEqual([
      "response-constraint breaking",
    ]);
  });

  it("minLength: 0 is no constraint at all", () => {
    const field = (extra: object) => request(obj({ a: { type: "string", ...extra } }));
    expect(diff(field({}), field({ minLength: 0 }))).toEqual([]);
  });

  it("a type changed to an unrelated one breaks both ways; number → integer narrows", () => {
    const field = (type: string) => request(obj({ a: { type } }));
    expect(diff(field("number"), field("string"))).toEqual(["request-type breaking"]);
    expect(diff(field("string"), field("number"))).toEqual(["request-type breaking"]);
    expect(diff(field("integer"), field("number"))).toEqual(["request-type~ not-breaking"]);
    expect(diff(request(obj({ a: {} })), field("string"))).toEqual(["request-type breaking"]);
  });

  it("a request body losing its JSON media type breaks; the body made required breaks", () => {
    const body = (type: string, required = false) =>
      api({ requestBody: { required, ...json(obj({}), type) } });
    expect(diff(body("application/json"), body("application/x-www-form-urlencoded"))).toEqual([
      "media-type breaking",
      "media-type~ not-breaking",
    ]);
    expect(diff(body("application/json"), body("application/json", true))).toEqual([
      "request-required breaking",
    ]);
    expect(diff(body("application/json; charset=utf-8"), body("application/json"))).toEqual([]);
  });
});

describe("response (output) rules in detail", () => {
  it("a response enum loosened to any string breaks (the old report said: no API changes)", () => {
    expect(
      diff(
        response(obj({ s: { type: "string", enum: ["ok", "failed"] } })),
        response(obj({ s: str })),
      ),
    ).toEqual(["response-enum breaking"]);
  });

  it("a response field made required or a type narrowed does not break", () => {
    expect(diff(response(obj({ a: str })), response(obj({ a: str }, ["a"])))).toEqual([
      "response-required~ not-breaking",
    ]);
    const n = (type: string) => response(obj({ price: { type } }));
    expect(diff(n("number"), n("integer"))).toEqual(["response-type~ not-breaking"]);
    expect(diff(n("number"), n("string"))).toEqual(["response-type breaking"]);
  });

  it("response headers are fields of the answer: removed or made optional breaks, added does not", () => {
    const withHeaders = (headers: object) =>
      api({ responses: { "200": { ...OK["200"], headers } } });
    const id = { schema: str, required: true };
    expect(diff(withHeaders({ "X-Request-Id": id }), withHeaders({}))).toEqual([
      "response-field breaking",
    ]);
    expect(diff(withHeaders({}), withHeaders({ "X-Request-Id": id }))).toEqual([
      "response-field~ not-breaking",
    ]);
    expect(
      diff(withHeaders({ "X-Request-Id": id }), withHeaders({ "x-request-id": { schema: str } })),
    ).toEqual(["response-required breaking"]);
  });

  it("a response that loses its JSON body, or a success status, breaks", () => {
    expect(diff(api(), api({ responses: { "200": { description: "ok" } } }))).toEqual([
      "media-type breaking",
    ]);
    expect(diff(api(), api({ responses: { "201": OK["200"] } }))).toEqual([
      "success-status breaking",
      "success-status~ not-breaking",
    ]);
  });

  it("an envelope moved (data: [...] → data: { sessions: [...] }) is one breaking change, and the list's items are still compared", () => {
    const item = (name: string) => obj({ [name]: str });
    const before = response(
      obj({ data: { type: "array", items: item("agent_id") }, meta: obj({}) }),
    );
    const after = response(
      obj({ data: obj({ sessions: { type: "array", items: item("agentId") } }) }),
    );
    expect(messages(before, after)).toEqual([
      "breaking: data array → object: the list `data[]` moved to `data.sessions[]`",
      "breaking: data.sessions[].agent_id renamed to `agentId`",
      "breaking: meta removed",
    ]);
  });
});

describe("security (the client sends X-Api-Key)", () => {
  const scheme = (definition: object, security: object[] = [{ key: [] }]) =>
    api({}, { components: { securitySchemes: { key: definition } }, security });
  const header = { type: "apiKey", in: "header", name: "X-Api-Key" };

  it.each([
    ["a renamed header", { ...header, name: "Authorization" }],
    ["another place", { ...header, in: "query" }],
    ["another scheme type", { type: "http", scheme: "bearer" }],
  ])("%s breaks every call, both ways", (_name, changed) => {
    expect(diff(scheme(header), scheme(changed))).toEqual(["security breaking"]);
    expect(diff(scheme(changed), scheme(header))).toEqual(["security breaking"]);
  });

  it("security added where there was none breaks; removed, it does not", () => {
    expect(diff(api(), scheme(header))).toEqual(["security breaking"]);
    expect(diff(scheme(header), api())).toEqual(["security~ not-breaking"]);
  });

  it("another scheme offered as an alternative does not break; the client's alternative removed does", () => {
    const both = api(
      {},
      {
        components: {
          securitySchemes: { key: header, bearer: { type: "http", scheme: "bearer" } },
        },
        security: [{ key: [] }, { bearer: [] }],
      },
    );
    expect(diff(scheme(header), both)).toEqual(["security~ not-breaking"]);
    expect(diff(both, scheme(header))).toEqual(["security breaking"]);
  });

  it("an OAuth scope more breaks; a scope fewer does not", () => {
    const oauth = (...scopes: string[]) => scheme({ type: "oauth2", flows: {} }, [{ key: scopes }]);
    expect(diff(oauth("calls:read"), oauth("calls:read", "calls:write"))).toEqual([
      "security breaking",
    ]);
    expect(diff(oauth("calls:read", "calls:write"), oauth("calls:read"))).toEqual([
      "security~ not-breaking",
    ]);
  });

  it("a scheme renamed in components but the same on the wire is no change", () => {
    const renamed = api(
      {},
      { components: { securitySchemes: { ApiKeyAuth: header } }, security: [{ ApiKeyAuth: [] }] },
    );
    expect(diff(scheme(header), renamed)).toEqual([]);
  });
});

describe("readOnly and writeOnly", () => {
  it("a response field becoming writeOnly is gone from answers; a request field becoming readOnly is ignored input", () => {
    const wo = { type: "string", writeOnly: true };
    expect(diff(response(obj({ a: str })), response(obj({ a: wo })))).toEqual([
      "response-write-only breaking",
    ]);
    const ro = { type: "string", readOnly: true };
    expect(diff(request(obj({ a: str }, ["a"])), request(obj({ a: ro }, ["a"])))).toEqual([
      "request-read-only~ not-breaking",
    ]);
  });
});

describe("renames: only on strong evidence", () => {
  it("pairs names equal but for case and separators", () => {
    expect(messages(request(obj({ page_size: str })), request(obj({ pageSize: str })))).toEqual([
      "breaking: page_size renamed to `pageSize`",
    ]);
  });

  it("pairs by same type, description and position among unchanged siblings", () => {
    const described = (name: string) =>
      response(obj({ a: str, [name]: { type: "string", description: "Room" }, c: str }));
    expect(messages(described("room_id"), described("room"))).toEqual([
      "breaking: room_id renamed to `room`",
    ]);
  });

  it("does not pair unrelated fields (room_id → call_url): a removal and an addition", () => {
    const before = response(
      obj({ room_id: { type: "string", description: "Room ID" }, session_id: str }),
    );
    const after = response(
      obj({ session_id: str, call_url: { type: "string", description: "Call URL" } }),
    );
    expect(messages(before, after)).toEqual([
      "breaking: room_id removed",
      "not-breaking: call_url added",
    ]);
    // Same place and type, but no shared description: still not a rename.
    expect(messages(response(obj({ room_id: str })), response(obj({ call_url: str })))).toEqual([
      "breaking: room_id removed",
      "not-breaking: call_url added",
    ]);
  });
});

describe("oneOf/anyOf branches: matched by content, never by position", () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const withSchemas = (doc: Doc, schemas: object) => ({ ...doc, components: { schemas } });

  it("reordering branches is no change (the old report saw two renames)", () => {
    expect(diff(response(branches(phone, sip)), response(branches(sip, phone)))).toEqual([]);
    const byRef = (...names: string[]) =>
      withSchemas(response(branches(...names.map(ref))), { Phone: phone, Sip: sip });
    expect(diff(byRef("Phone", "Sip"), byRef("Sip", "Phone"))).toEqual([]);
  });

  it("matches by $ref name, so a change inside a branch is reported in that branch", () => {
    const schemas = (number: object) => ({ Phone: obj({ number }), Sip: obj({ uri: str }) });
    const doc = (number: object, order: string[]) =>
      withSchemas(request(branches(...order.map(ref))), schemas(number));
    expect(
      messages(doc(str, ["Phone", "Sip"]), doc({ type: "integer" }, ["Sip", "Phone"])),
    ).toEqual(["breaking: |Phone.number type string → integer"]);
  });

  it("matches by title, then discriminator value, then property set", () => {
    const titled = (title: string, uri: object) => ({ ...obj({ uri }), title });
    expect(
      messages(
        response(branches(titled("Sip", str), phone)),
        response(branches(phone, titled("Sip", { type: "string", format: "uri" }))),
      ),
    ).toEqual(["info: |Sip.uri format none → uri changed"]);
    const tagged = (extra: object) => ({
      oneOf: [phone, obj({ kind: { type: "string", enum: ["sip"] }, uri: str, ...extra })],
      discriminator: { propertyName: "kind" },
    });
    expect(messages(response(tagged({})), response(tagged({ port: { type: "integer" } })))).toEqual(
      ["not-breaking: |kind=sip.port added"],
    );
  });

  it("a new response branch breaks (an exhaustive switch stops compiling); a new request branch does not", () => {
    const email = obj({ kind: { type: "string", enum: ["email"] }, address: str });
    expect(messages(response(branches(phone, sip)), response(branches(phone, sip, email)))).toEqual(
      ["breaking:  oneOf/anyOf branch {address, kind} added"],
    );
    expect(diff(request(branches(phone, sip)), request(branches(phone, sip, email)))).toEqual([
      "request-branch~ not-breaking",
    ]);
  });

  it("a plain object turned into a union keeps its fields matched to one branch", () => {
    expect(diff(response(phone), response(branches(phone, sip)))).toEqual([
      "response-branch breaking",
    ]);
  });
});

describe("operations", () => {
  it("a trailing slash added to a path is one breaking move, and the rest is still compared", () => {
    expect(
      messages(
        api({}, {}, "/api/v1/agents"),
        api({ requestBody: { ...json(obj({ a: str })) } }, {}, "/api/v1/agents/"),
      ),
    ).toEqual([
      "breaking:  path changed: `/api/v1/agents` → `/api/v1/agents/`",
      "not-breaking:  added",
    ]);
  });

  it("stops at recursive schemas instead of expanding them", () => {
    const tree = (extra: object) => ({
      ...request({ $ref: "#/components/schemas/Node" }),
      components: {
        schemas: {
          Node: obj({
            ...extra,
            left: { $ref: "#/components/schemas/Node" },
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          }),
        },
      },
    });
    const started = performance.now();
    expect(diff(tree({}), tree({ name: str }))).toEqual(["request-field~ not-breaking"]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
