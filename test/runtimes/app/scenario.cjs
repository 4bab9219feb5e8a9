/**
 * The scenario every runtime runs against a server on 127.0.0.1: a web call, an outbound
 * call, and one call that fails with a typed error. `agni` is the agni-client module, passed
 * in so that this file needs no import of its own (ESM, CJS and bundles all load it).
 */
module.exports = async function runScenario(agni, { client, failingClient, runtime }) {
  const agniClient = agni.createAgniClient(client);
  const web = await agniClient.calls.createWebCall({
    agent_id: "agent_runtime",
    metadata: { runtime },
  });
  const outbound = await agniClient.calls.createOutboundCall({
    agent_id: "agent_runtime",
    from_phone_number: "+14157774444",
    to_phone_number: "+12137774445",
    prompt_dynamic_variables: { runtime },
  });
  let failure = null;
  try {
    await agni.createAgniClient(failingClient).calls.createWebCall({ agent_id: "agent_runtime" });
  } catch (error) {
    failure = {
      name: error.name,
      status: error.status,
      isAgniError: error instanceof agni.AgniError,
      isAuthenticationError: error instanceof agni.AgniAuthenticationError,
      safeToRetry: error.safeToRetry,
    };
  }
  let validation = null;
  try {
    await agniClient.calls.createOutboundCall({
      agent_id: "agent_runtime",
      from_phone_number: "+14157774444",
      to_phone_number: "555-0100",
    });
  } catch (error) {
    validation = { name: error.name, field: error.issues && error.issues[0].field };
  }
  return {
    web: {
      session_id: web.session_id,
      room_id: web.room_id,
      has_token: typeof web.access_token === "string",
    },
    outbound: { session_id: outbound.session_id, room_id: outbound.room_id },
    failure,
    validation,
  };
};
