// Browser page for agni-client/server: a keyless client through the proxy, and the web-call route.
import * as agni from "agni-client";

const failure = (error) => ({
  name: error.name,
  status: error.status,
  isPermissionDenied: error instanceof agni.AgniPermissionDeniedError,
  isAgniError: error instanceof agni.AgniError,
});

window.runServerScenario = async ({ agentId, runtime }) => {
  const client = agni.createAgniClient({ baseUrl: "/api/agni", maxRetries: 0 });
  const web = await client.calls.createWebCall({ agent_id: agentId, metadata: { runtime } });
  let outbound = null;
  try {
    await client.calls.createOutboundCall({
      agent_id: agentId,
      from_phone_number: "+14157774444",
      to_phone_number: "+12137774445",
      metadata: { runtime },
    });
  } catch (error) {
    outbound = failure(error);
  }
  let otherAgent = null;
  try {
    await client.calls.createWebCall({ agent_id: "agent_not_allowed", metadata: { runtime } });
  } catch (error) {
    otherAgent = failure(error);
  }
  const grantResponse = await fetch("/api/web-call", {
    method: "POST",
    body: JSON.stringify({ agent_id: agentId }),
  });
  const grant = await grantResponse.json();
  const wrongMethod = await fetch("/api/web-call");
  const wrongMethodBody = await wrongMethod.json();
  return {
    web: { session_id: web.session_id, has_token: typeof web.access_token === "string" },
    outbound,
    otherAgent,
    grant: {
      status: grantResponse.status,
      keys: Object.keys(grant).sort(),
      room_id: grant.room_id,
    },
    wrongMethod: {
      status: wrongMethod.status,
      allow: wrongMethod.headers.get("allow"),
      success: wrongMethodBody.success,
    },
  };
};
