/**
 * `npm start`: starts the mock Agni API on 127.0.0.1 (a random port), then through the SDK
 * over real HTTP places one web call and one outbound call, and shows what a bad phone number
 * gets. No API key and no network needed.
 */
import { AgniValidationError, createAgniClient, type CreateCallResult } from "../src/index.js";
import { startMockAgniServer } from "../src/testing/index.js";

const server = await startMockAgniServer();
try {
  console.log(`Mock Agni API listening on ${server.url}\n`);
  const agni = createAgniClient({ apiKey: "demo-key-not-secret", baseUrl: server.url });
  const agent_id = "agent_demo_01";

  const show = (title: string, call: CreateCallResult) => {
    console.log(title);
    console.log(`  session_id    ${call.session_id}`);
    console.log(`  room_id       ${call.room_id}`);
    console.log(`  url           ${call.url}`);
    console.log(
      `  access_token  ${call.access_token?.slice(0, 24)}… (${call.access_token?.length} chars)`,
    );
    console.log(`  message       ${call.message}\n`);
  };

  const web = await agni.calls.createWebCall({
    agent_id,
    metadata: { customer_id: "cus_42" },
    prompt_dynamic_variables: { customer_name: "Ada" },
  });
  show("Web call created (hand access_token + url to the browser):", web);

  const outbound = await agni.calls.createOutboundCall({
    agent_id,
    from_phone_number: "+14157774444",
    to_phone_number: "+12137774445",
    metadata: { ticket: "T-1001" },
  });
  show("Outbound call placed from +14157774444 to +12137774445:", outbound);

  try {
    await agni.calls.createOutboundCall({
      agent_id,
      from_phone_number: "+14157774444",
      to_phone_number: "(213) 777-4445",
    });
    throw new Error("the bad number was accepted");
  } catch (error) {
    if (!(error instanceof AgniValidationError)) throw error;
    console.log(`A bad phone number is refused before any request (${error.name}):`);
    console.log(`  ${error.message.replace(/\n/g, "\n  ")}\n`);
  }

  const types = server.mock.calls.map((call) => (call.body as { type?: string }).type);
  console.log(
    `The mock received ${types.length} requests (${types.join(", ")}); the refused call sent none.`,
  );
} finally {
  await server.close();
}
