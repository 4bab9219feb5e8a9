/**
 * The regenerate-on-spec-change workflow, run on a temporary copy of the project: the change
 * report (markdown and JSON) and exit codes for the v2 (adds an operation) and v3 (renames a
 * field) fixtures, and invalid specs. The type-check after an update is in
 * spec-update-build.test.ts; the rules in spec-rules.test.ts.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyProject, fixture, root, specUpdate } from "./helpers/temp-project.js";

let project: string;
beforeEach(async () => {
  project = await copyProject("agni-spec-update-");
});
afterEach(() => rm(project, { recursive: true, force: true }));

const update = (...args: string[]) => specUpdate(project, ...args);

const files = async () => ({
  spec: await readFile(join(project, "openapi/agni.yaml"), "utf8"),
  types: await readFile(join(project, "src/generated/agni.ts"), "utf8"),
  facts: await readFile(join(project, "src/generated/agni-facts.ts"), "utf8"),
});

describe("npm run spec:update", () => {
  it("reports no change for the same spec, exits 0 and leaves upstream's file as it is", async () => {
    const before = await files();
    const { code, stdout } = await update(join(root, "openapi/agni.yaml"));
    expect(code).toBe(0);
    expect(stdout).toContain("No API changes");
    expect(await files()).toEqual(before);
  });

  it("v2 adds an operation: not breaking, written, and the report says so in markdown and JSON", async () => {
    const reportFile = join(project, "report.md");
    const jsonFile = join(project, "report.json");
    const { code, stdout } = await update(
      fixture("v2.yaml"),
      "--report-file",
      reportFile,
      "--json",
      jsonFile,
    );

    expect(code).toBe(0);
    expect(stdout).toContain("**0 breaking**, 1 not breaking, 0 informational");
    expect(stdout).toContain(
      "#### `GET /api/v1/calling/call-sessions`\n- not breaking operation added",
    );
    const markdown = await readFile(reportFile, "utf8");
    expect(markdown).toContain("**0 breaking**, 1 not breaking");
    expect(stdout.startsWith(markdown)).toBe(true);
    const json = JSON.parse(await readFile(jsonFile, "utf8"));
    expect(json.totals).toMatchObject({ breaking: 0, notBreaking: 1, info: 0, added: 1 });
    expect(json.changes).toEqual([
      expect.objectContaining({
        rule: "operation",
        mirror: true,
        verdict: "not-breaking",
        operation: "GET /api/v1/calling/call-sessions",
      }),
    ]);
    const { spec, types } = await files();
    expect(spec).toContain("/api/v1/calling/call-sessions:");
    expect(types).toContain('"/api/v1/calling/call-sessions"');
  });

  it("--json - writes the JSON report on stdout, and the markdown on stderr", async () => {
    const { code, stdout, stderr } = await update(fixture("v3.yaml"), "--json", "-");
    expect(code).toBe(2);
    expect(JSON.parse(stdout).totals).toMatchObject({ breaking: 1, notBreaking: 1 });
    expect(stderr).toContain("**1 breaking**, 1 not breaking");
  });

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
      expect(stdout).toContain(
        "#### `GET /api/v1/calling/call-sessions`\n- not breaking operation added",
      );
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
      "#### `POST /api/v1/calling/create-call`\n- **BREAKING** request body `agent_id`: renamed to `agentId`",
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
