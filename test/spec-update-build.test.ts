/**
 * A spec update, end to end, on one temporary copy of the project: an additive upstream change
 * lands with no hand edits (exit 0, the project type-checks, the helpers send the new field,
 * the new path is callable through agni.raw); a rename of a field the wrapper names is refused
 * (exit 2), and once accepted fails the build where the wrapper names it, saying what to change.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, fixture, root, run, specUpdate } from "./helpers/temp-project.js";

let project: string;
beforeAll(async () => {
  project = await copyProject("agni-spec-build-");
  await writeFile(join(project, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { rootDir: project },
      include: ["src", "check.ts"],
      exclude: [],
    }),
  );
});
afterAll(() => rm(project, { recursive: true, force: true }));

/** Runs a command in the temporary project, stdout and stderr together. */
const runHere = async (file: string, args: string[]) => {
  const { code, stdout, stderr } = await run(file, args, project);
  return { code, out: stdout + stderr };
};
const update = async (...args: string[]) => {
  const { code, stdout, stderr } = await specUpdate(project, ...args);
  return { code, out: stdout + stderr };
};
const typecheck = () =>
  runHere(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project]);
const generated = () =>
  Promise.all(
    ["openapi/agni.yaml", "src/generated/agni.ts", "src/generated/agni-facts.ts"].map((file) =>
      readFile(join(project, file), "utf8"),
    ),
  );

describe("spec:update on a copy of the project", () => {
  it("an additive spec (optional field, call type, path): exit 0, type-checks, sends language, new path callable", async () => {
    const { code, out } = await update(fixture("create-call-additive.yaml"));
    expect(out).toContain("**0 breaking**");
    expect(code).toBe(0);
    const [, , facts] = await generated();
    expect(facts).toContain('"language"');
    expect(facts).toContain('"sip_call"');

    await writeFile(
      join(project, "check.ts"),
      `import { createAgniClient } from "./src/index.js";
import { createMockAgni } from "./src/testing/index.js";
const mock = createMockAgni();
const agni = createAgniClient({ apiKey: "k", fetch: mock, baseUrl: "https://agni.test" });
await agni.calls.createOutboundCall({
  agent_id: "a1",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
  language: "en-US",
});
await agni.raw.GET("/api/v1/agents/", { params: { query: { page: 2, page_size: 10 } } });
// @ts-expect-error page is a number
void agni.raw.GET("/api/v1/agents/", { params: { query: { page: "2" } } });
console.log(JSON.stringify(mock.calls.map(({ path, body }) => ({ path, body }))));
`,
    );
    const tsc = await typecheck();
    expect(tsc.out).toBe("");
    expect(tsc.code).toBe(0);

    const sent = await runHere(join(root, "node_modules/.bin/tsx"), ["check.ts"]);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.out)).toEqual([
      {
        path: "/api/v1/calling/create-call",
        body: {
          type: "outbound_call",
          agent_id: "a1",
          from_phone_number: "+14157774444",
          to_phone_number: "+12137774445",
          language: "en-US",
        },
      },
      { path: "/api/v1/agents/?page=2&page_size=10", body: undefined },
    ]);
  }, 180_000);

  it("agent_id renamed agentId: exit 2 and nothing written; accepted, the build fails where the wrapper names agent_id", async () => {
    const before = await generated();
    const refused = await update(fixture("create-call-renamed.yaml"));
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("request body `agent_id`: renamed to `agentId`");
    expect(await generated()).toEqual(before);

    const accepted = await update(fixture("create-call-renamed.yaml"), "--allow-breaking");
    expect(accepted.code).toBe(0);
    const tsc = await typecheck();
    expect(tsc.code).not.toBe(0);
    expect(tsc.out).toMatch(
      /src\/validation\/call-params\.ts\(\d+,\d+\): error TS1360: Type '"agent_id"' does not satisfy the expected type '"openapi\/agni\.yaml has no create-call field \\"agent_id\\" any more: change this code to the spec's new name for it/,
    );
    expect(tsc.out).toMatch(
      /src\/calls\/request-body\.ts\(\d+,\d+\): error TS\d+: .*'agent_id'.*'agentId'/,
    );
  }, 180_000);
});
