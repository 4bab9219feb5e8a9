import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it("npm start's demo places a web and an outbound call on the local mock and exits 0", async () => {
  const { stdout } = await promisify(execFile)(
    `${root}/node_modules/.bin/tsx`,
    [`${root}/scripts/demo.ts`],
    { cwd: root, timeout: 30_000, env: { ...process.env, AGNI_API_KEY: "", AGNI_BASE_URL: "" } },
  );
  const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  expect(stdout).toMatch(/Mock Agni API listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toMatch(new RegExp(`Web call created[^]*session_id +${uuid}`));
  expect(stdout).toMatch(new RegExp(`Outbound call placed[^]*session_id +${uuid}`));
  expect(stdout).toContain("AgniValidationError");
  expect(stdout).toContain("The mock received 2 requests (web_call, outbound_call)");
});
