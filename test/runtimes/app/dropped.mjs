// Node ESM, Deno and Bun: after a call that leaves a keep-alive connection open, a create-call
// whose connection is dropped before the answer must fail, not be sent again by the runtime.
import * as agni from "agni-client";

const { baseUrl, apiKey } = JSON.parse(globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2]);
const client = agni.createAgniClient({ apiKey, baseUrl });
await client.calls.createWebCall({ agent_id: "warm-up" });
let outcome;
try {
  await client.calls.createOutboundCall({
    agent_id: "dropped",
    from_phone_number: "+14157774444",
    to_phone_number: "+12137774445",
  });
  outcome = { resolved: true };
} catch (error) {
  outcome = { name: error.name, safeToRetry: error.safeToRetry, attempts: error.attempts };
}
console.log(JSON.stringify(outcome));
