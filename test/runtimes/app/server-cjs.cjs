// Node CJS `require` of agni-client/server: a web call through the handler, against the mock.
const { createAgniClient } = require("agni-client");
const { createAgniProxy, createWebCallHandler } = require("agni-client/server");
const { createMockAgni } = require("agni-client/testing");

const mock = createMockAgni();
const client = createAgniClient({ apiKey: "agni_sk_cjs", fetch: mock });
const handler = createWebCallHandler({ client, agentIds: ["agent_cjs"] });
const proxy = createAgniProxy({
  client,
  basePath: "/api/agni",
  allow: [{ method: "POST", path: "/api/v1/calling/create-call" }],
});

(async () => {
  const grant = await handler(new Request("http://app.local/api/web-call", { method: "POST" }));
  const refused = await proxy(new Request("http://app.local/api/agni/api/v1/agents"));
  console.log(
    JSON.stringify({
      grant: { status: grant.status, keys: Object.keys(await grant.json()).sort() },
      refused: refused.status,
      sent: mock.calls.length,
    }),
  );
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
