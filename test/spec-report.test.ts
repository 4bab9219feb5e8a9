/**
 * The change report at scale: a realistic 25-operation spec (test/fixtures/specs/agni-25.yaml),
 * an additive update of it and the snake_case → camelCase churn upstream's docs show. Each
 * report fits one screen, and a systematic change is said once.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { apiShape } from "../scripts/lib/api-shape.js";
import { diffApi } from "../scripts/lib/diff-api.js";
import { buildReport, renderMarkdown } from "../scripts/lib/report.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shapeOf = async (name: string) =>
  apiShape(
    parseYaml(await readFile(join(root, "test/fixtures/specs", name), "utf8")) as Record<
      string,
      unknown
    >,
  );

async function reportOf(from: string, to: string) {
  const [before, after] = [await shapeOf(from), await shapeOf(to)];
  const report = buildReport(diffApi(before, after), after.size, from, to);
  const markdown = renderMarkdown(report);
  return { report, markdown, lines: markdown.trimEnd().split("\n") };
}

/** The markdown outside the folded list of renames. */
const unfolded = (markdown: string) => markdown.split("<details>")[0]!;

describe("the report of a 25-operation spec", () => {
  it("the base fixture has 25 operations, and comparing it with itself finds nothing", async () => {
    const { report, markdown } = await reportOf("agni-25.yaml", "agni-25.yaml");
    expect(report.totals.operations).toBe(25);
    expect(markdown).toContain("No API changes.");
  });

  it("an additive update: nothing breaking, totals first, repeated additions said once, under 100 lines", async () => {
    const { report, markdown, lines } = await reportOf("agni-25.yaml", "agni-25-additive.yaml");

    expect(lines.length).toBeLessThan(100);
    expect(report.totals).toMatchObject({ breaking: 0, operations: 28, added: 3 });
    expect(lines[2]).toMatch(
      /^\*\*0 breaking\*\*, \d+ not breaking, 1 informational; \d+ of 28 operations touched \(3 added\)\.$/,
    );
    expect(markdown).not.toContain("### Breaking");
    expect(markdown).toContain(
      "- not breaking response `labels`: added, in `GET /api/v1/agents`, `POST /api/v1/agents`, `GET /api/v1/agents/{id}` and 16 more",
    );
    expect(markdown.match(/`labels`/g)).toHaveLength(1);
    expect(markdown).toContain(
      "#### `POST /api/v1/calling/create-call`\n- not breaking request body `type`: enum values `sip_call` added\n- not breaking request body `language`: added",
    );
    expect(markdown).toContain("operation added, in `GET /api/v1/rag/knowledge-bases`");
  });

  describe("the snake_case → camelCase churn", () => {
    it("fits in under 100 lines, breaking first, the systematic rename said once", async () => {
      const { report, markdown, lines } = await reportOf("agni-25.yaml", "agni-25-camel.yaml");

      expect(lines.length).toBeLessThan(100);
      expect(report.totals.breaking).toBeGreaterThan(100);
      expect(report.totals.touched).toBeLessThan(25);
      const systematic = lines.filter((line) =>
        line.includes("fields renamed snake_case → camelCase:"),
      );
      expect(systematic).toEqual([
        "- **BREAKING** fields renamed snake_case → camelCase: 127 fields in 14 operations (listed at the end)",
      ]);
      // Each operation says how many of its fields were renamed; the names are folded below.
      expect(unfolded(markdown)).toContain(
        "#### `GET /api/v1/agents`\n- **BREAKING** 10 fields renamed snake_case → camelCase",
      );
      expect(unfolded(markdown)).not.toContain("agent_name");
      expect(markdown).toContain("`data[].agent_name` → `agentName`");
      expect(markdown.indexOf("### Breaking")).toBeLessThan(markdown.indexOf("### Not breaking"));
    });

    it("reports each kind of churn once, where it happened", async () => {
      const { markdown } = await reportOf("agni-25.yaml", "agni-25-camel.yaml");
      const body = unfolded(markdown);
      for (const line of [
        // an envelope moved, and meta dropped
        "- **BREAKING** response 200 `data`: array → object: the list `data[]` moved to `data.callSessions[]`",
        "- **BREAKING** response 200 `meta`: removed",
        // number → string, on a snake_case resource and on a camelCase one
        "- **BREAKING** response 200 `data.cost_total`: type number → string",
        "- **BREAKING** response 200 `data.callSessions[].costTotal`: type number → string",
        // an enum value renamed, in requests and (repeated) in responses
        "- **BREAKING** request body `status`: enum values `AGENT_STATUS_ACTIVE`, `AGENT_STATUS_INACTIVE`, `AGENT_STATUS_DRAFT` removed, `ACTIVE`, `INACTIVE`, `DRAFT` added",
        // a trailing slash added to a path
        "- **BREAKING** path changed: `/api/v1/campaigns` → `/api/v1/campaigns/`",
        // fields, parameters and a body lost
        "- **BREAKING** response 200 `data.room_id`, `data.summary`, `data.call_latency_ms`: removed",
        "- **BREAKING** query `limit`, `offset`: parameter removed",
        "- **BREAKING** request body `timezone`: removed",
        "- **BREAKING** response 200: media type application/json removed",
        // required lists that differ between generations
        "- **BREAKING** request body `area_code`: now required",
        "- **BREAKING** request body `webhookUrl`: now required",
        // number → integer<int32> narrows an answer: not breaking
        "- not breaking response 200 `data[].per_minute_price`: type number → integer",
      ]) {
        expect(body).toContain(line);
      }
      expect(body).toMatch(/- \*\*BREAKING\*\* response `total`: type integer → string, in /);
      // Half migrated: update-agent-status still answers the snake_case agent, so no renames there.
      const status = body.slice(body.indexOf("#### `PATCH /api/v1/agents/{id}/status`"));
      expect(status.slice(0, status.indexOf("\n####"))).not.toContain("renamed");
    });

    it("the JSON report holds the same totals, systematic changes and every change", async () => {
      const { report } = await reportOf("agni-25.yaml", "agni-25-camel.yaml");
      const json = JSON.parse(JSON.stringify(report));
      expect(json.totals).toEqual(report.totals);
      expect(json.systematic[0]).toMatchObject({
        kind: "rename",
        summary: "fields renamed snake_case → camelCase",
        count: 127,
      });
      expect(json.changes).toHaveLength(
        report.totals.breaking + report.totals.notBreaking + report.totals.info,
      );
    });
  });
});
