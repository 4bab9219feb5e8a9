import type { CreateCallRequest, CreateCallResponse } from "../spec/create-call.js";

/**
 * Parameters of `calls.createWebCall`: the create-call body without `type` (set by the
 * helper) and without the phone numbers (a web call has none).
 *
 * @example
 * const params: WebCallParams = { agent_id: "agent_123", metadata: { crm_id: "c-9" } };
 */
export type WebCallParams = Omit<
  CreateCallRequest,
  "type" | "from_phone_number" | "to_phone_number"
>;

/**
 * Parameters of `calls.createOutboundCall`: the create-call body without `type`.
 *
 * @example
 * const params: OutboundCallParams = {
 *   agent_id: "agent_123",
 *   from_phone_number: "+14157774444",
 *   to_phone_number: "+12137774445",
 * };
 */
export type OutboundCallParams = Omit<CreateCallRequest, "type">;

/**
 * What create-call answers, flattened when the server wraps it in `{ data }`. The spec marks
 * no field required, so each may be absent.
 *
 * @example
 * const call: CreateCallResult = await agni.calls.createOutboundCall(params);
 * if (call.session_id) await saveSession(call.session_id);
 */
export type CreateCallResult = CreateCallResponse;

/**
 * A web call's result: `access_token` and `url` are checked present, as a browser needs both.
 *
 * @example
 * const { access_token, url }: WebCallResult = await agni.calls.createWebCall({ agent_id });
 * await new Room().connect(url, access_token); // livekit-client, in the browser
 */
export type WebCallResult = CreateCallResult & { access_token: string; url: string };
