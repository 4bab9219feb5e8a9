// Type-checked against the packed package's declarations (node16 and bundler resolution).
import {
  AgniAPIError,
  AgniError,
  createAgniClient,
  type CreateCallResult,
  type OutboundCallParams,
  type WebCallResult,
} from "agni-client";
import { createMockAgni, type MockAgni } from "agni-client/testing";
import {
  createAgniProxy,
  createWebCallHandler,
  type AllowedRequest,
  type FetchHandler,
  type WebCallGrant,
} from "agni-client/server";

const mock: MockAgni = createMockAgni();
const agni = createAgniClient({ apiKey: "test", fetch: mock, maxRetries: 1, logLevel: "off" });

export async function demo(params: OutboundCallParams): Promise<string> {
  const web: WebCallResult = await agni.calls.createWebCall({ agent_id: "a", metadata: { k: 1 } });
  const token: string = web.access_token;
  const out: CreateCallResult = await agni.calls.createOutboundCall(params, { timeoutMs: 5_000 });
  const { data } = await agni.raw.POST("/api/v1/calling/create-call", {
    body: { type: "web_call", agent_id: "a", from_phone_number: "", to_phone_number: "" },
  });
  // @ts-expect-error the helper sets type itself
  await agni.calls.createWebCall({ agent_id: "a", type: "web_call" });
  // @ts-expect-error both numbers are required
  await agni.calls.createOutboundCall({ agent_id: "a", from_phone_number: "+14157774444" });
  try {
    await agni.calls.createWebCall({ agent_id: "a" });
  } catch (error) {
    if (error instanceof AgniAPIError) return `${error.status} ${error.requestId ?? ""}`;
    if (error instanceof AgniError) return String(error.safeToRetry);
  }
  return `${token} ${out.session_id ?? ""} ${data?.room_id ?? ""} ${mock.calls.length}`;
}

// agni-client/server: handler types and the allow list's path templates.
const rule: AllowedRequest = {
  method: "POST",
  path: "/api/v1/calling/create-call",
  body: { type: ["web_call"] },
};
export const proxy: FetchHandler = createAgniProxy({
  client: agni,
  basePath: "/api/agni",
  allow: [rule, { method: "GET", path: "/api/v1/not-generated-yet/{id}" }],
});
export const webCall: FetchHandler = createWebCallHandler({
  client: agni,
  agentIds: ["a"],
  metadata: async (request) => ({ from: request.url }),
});
export async function grantOf(response: Response): Promise<string> {
  const grant = (await response.json()) as WebCallGrant;
  return `${grant.access_token} ${grant.url} ${grant.session_id ?? ""}`;
}
// @ts-expect-error a path template starts with /
createAgniProxy({ client: agni, basePath: "/api/agni", allow: [{ method: "GET", path: "x" }] });
