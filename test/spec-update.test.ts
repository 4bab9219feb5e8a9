/**
 * The regenerate-on-spec-change workflow, run on a temporary copy of the project: the change
 * report and exit codes for the v2 (adds an operation) and v3 (renames a field) fixtures, an
 * invalid spec, and a type-check that a new path is callable through agni.raw.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "@redocly/openapi-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiShape } from "../scripts/lib/api-shape.js";
import { diffApi } from "../scripts/lib/diff-api.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => join(root, "test/fixtures/specs", name);

let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "agni-spec-update-"));
  await cp(join(root, "openapi"), join(project, "openapi"), { recursive: true });
  await cp(join(root, "src"), join(project, "src"), { recursive: true });
  await symlink(join(root, "node_modules"), join(project, "node_modules"), "dir");
});
afterEach(() => rm(project, { recursive: true, force: true }));

/** Runs spec:update against the temporary project; never throws. */
function update(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(root, "node_modules/.bin/tsx"),
      [join(root, "scripts/spec-update.ts"), ...args, "--root", project],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const files = async () => ({
  spec: await readFile(join(project, "openapi/agni.yaml"), "utf8"),
  types: await readFile(join(project, "src/generated/agni.ts"), "utf8"),
});

describe("npm run spec:update", () => {
  it("reports no change for the same spec, exits 0 and leaves upstream's file as it is", async () => {
    const before = await files();
    const { code, stdout } = await update(join(root, "openapi/agni.yaml"));
    expect(code).toBe(0);
    expect(stdout).toContain("No API changes");
    expect(await files()).toEqual(before);
  });

  it("v2 adds an operation: not breaking, written, and the new path is typed in agni.raw", async () => {
    const { code, stdout } = await update(fixture("v2.yaml"));

    expect(code).toBe(0);
    expect(stdout).toContain("0 breaking, 1 not breaking");
    expect(stdout).toContain("`GET /api/v1/calling/call-sessions` operation added");
    const { spec, types } = await files();
    expect(spec).toContain("/api/v1/calling/call-sessions:");
    expect(types).toContain('"/api/v1/calling/call-sessions"');

    await writeFile(
      join(project, "check.ts"),
      `import { createAgniClient } from "./src/index.js";
const agni = createAgniClient({ apiKey: "k" });
export const list = () =>
  agni.raw.GET("/api/v1/calling/call-sessions", {
    params: { query: { page: 1, page_size: 20, agent_id: "a", status: "completed", sort_order: "desc" } },
  });
export const wrong = () =>
  // @ts-expect-error status is an enum
  agni.raw.GET("/api/v1/calling/call-sessions", { params: { query: { status: "lost" } } });
`,
    );
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
        },
        files: ["check.ts"],
      }),
    );
    const tsc = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", join(project, "tsconfig.json")],
        { cwd: project },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, out: stdout }),
      ),
    );
    expect(tsc.out).toBe("");
    expect(tsc.code).toBe(0);
  }, 60_000);

  it("reads JSON from a URL the same way (upstream serves openapi.json)", async () => {
    const json = JSON.stringify(parseYaml(await readFile(fixture("v2.yaml"), "utf8")));
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(json);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { code, stdout } = await update(`http://127.0.0.1:${port}/openapi.json`);
      expect(code).toBe(0);
      expect(stdout).toContain("`GET /api/v1/calling/call-sessions` operation added");
      expect((await files()).types).toContain('"/api/v1/calling/call-sessions"');
    } finally {
      server.close();
    }
  });

  it("v3 renames a request field: breaking, exit 2, nothing written", async () => {
    const before = await files();
    const { code, stdout, stderr } = await update(fixture("v3.yaml"));

    expect(code).toBe(2);
    expect(stdout).toContain(
      "**BREAKING**: `POST /api/v1/calling/create-call` request field renamed: agent_id → agentId",
    );
    expect(stderr).toContain("--allow-breaking");
    expect(await files()).toEqual(before);
  });

  it("v3 with --allow-breaking is written, and exits 0", async () => {
    const { code } = await update(fixture("v3.yaml"), "--allow-breaking");
    expect(code).toBe(0);
    expect((await files()).types).toMatch(/agentId: string;/);
  });

  it("an invalid spec exits 1, naming the $ref that does not resolve, and writes nothing", async () => {
    const before = await files();
    const { code, stderr } = await update(fixture("invalid-ref.yaml"));

    expect(code).toBe(1);
    expect(stderr).toContain("Can't resolve $ref #/components/schemas/CreateCallResult");
    expect(stderr).toContain("Nothing was written.");
    expect(await files()).toEqual(before);
  });

  it("a file that is not OpenAPI 3 exits 1", async () => {
    const swagger = join(project, "swagger.json");
    await writeFile(
      swagger,
      JSON.stringify({ swagger: "2.0", info: { title: "x", version: "1" }, paths: {} }),
    );
    const { code, stderr } = await update(swagger);
    expect(code).toBe(1);
    expect(stderr).toContain("not OpenAPI 3.x");
  });
});

describe("the change report's rules", () => {
  const doc = (schema: object, extra: object = {}) => ({
    openapi: "3.0.1",
    paths: {
      "/x": {
        post: {
          requestBody: { content: { "application/json": { schema } } },
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: { type: "object", properties: { id: { type: "string" }, ...extra } },
                },
              },
            },
          },
        },
      },
    },
  });
  const diff = (a: object, b: object) =>
    diffApi(apiShape(a as Record<string, unknown>), apiShape(b as Record<string, unknown>)).map(
      (c) => `${c.breaking ? "B" : "-"} ${c.description}`,
    );
  const body = (props: object, required: string[] = []) => ({
    type: "object",
    properties: props,
    required,
  });

  it("classes each kind of change", () => {
    const s = { type: "string" };
    expect(diff(doc(body({ a: s })), doc(body({ a: s }, ["a"])))).toEqual([
      "B request field now required: a",
    ]);
    expect(diff(doc(body({ a: s })), doc(body({ a: s, b: s })))).toEqual([
      "- request field added: b",
    ]);
    expect(diff(doc(body({ a: s })), doc(body({ a: s, b: s }, ["b"])))).toEqual([
      "B request field added: b (required)",
    ]);
    expect(diff(doc(body({ a: s, b: s })), doc(body({ a: s })))).toEqual([
      "B request field removed: b",
    ]);
    expect(
      diff(
        doc(body({ t: { type: "string", enum: ["x", "y"] } })),
        doc(body({ t: { type: "string", enum: ["x", "z"] } })),
      ),
    ).toEqual(["B request enum values removed from t: y", "- request enum values added to t: z"]);
    expect(diff(doc(body({}), { gone: s }), doc(body({})))).toEqual([
      "B response field removed: gone",
    ]);
    expect(diff(doc(body({})), { openapi: "3.0.1", paths: {} })).toEqual(["B operation removed"]);
  });

  it("reads 3.1 type lists and nullable alike, unions, new enums and weaker answers", () => {
    const s31 = { type: ["string", "null"] };
    expect(diff(doc(body({ a: s31 })), doc(body({ a: { type: ["null", "string"] } })))).toEqual([]);
    expect(
      diff(
        doc(body({}), { id: { type: "string" } }),
        doc(body({}), { id: { type: "string", nullable: true } }),
      ),
    ).toEqual(["B response field type changed: id string → null|string"]);
    const union = (phone: object) =>
      body({ target: { oneOf: [body({ phone }), body({ sip: { type: "string" } })] } });
    expect(diff(doc(union({ type: "string" })), doc(union({ type: "integer" })))).toEqual([
      "B request field type changed: target|0.phone string → integer",
    ]);
    expect(
      diff(
        doc(body({ t: { type: "string" } })),
        doc(body({ t: { type: "string", enum: ["a", "b"] } })),
      ),
    ).toEqual(["B request field now limited to: a, b (t)"]);
    const answer = (required: string[]) => ({
      openapi: "3.0.1",
      paths: {
        "/x": {
          get: {
            responses: {
              "200": {
                content: {
                  "application/json; charset=utf-8": {
                    schema: { type: "object", properties: { id: { type: "string" } }, required },
                  },
                },
              },
            },
          },
        },
      },
    });
    expect(diff(answer(["id"]), answer([]))).toEqual(["B response field now optional: id"]);
  });

  it("stops at recursive schemas instead of expanding them", () => {
    const tree = (extra: object) => {
      const node: Record<string, unknown> = { type: "object", properties: { ...extra } };
      (node["properties"] as Record<string, unknown>)["left"] = node;
      (node["properties"] as Record<string, unknown>)["children"] = { type: "array", items: node };
      return doc(node);
    };
    const started = performance.now();
    expect(diff(tree({}), tree({ name: { type: "string" } }))).toEqual([
      "- request field added: name",
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
