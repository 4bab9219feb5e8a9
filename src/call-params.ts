import type { CreateCallRequest, CreateCallResponse } from "./spec-fields.js";

/**
 * Parameters of `calls.createWebCall`: the create-call body without `type` (set by the
 * helper) and without the phone numbers (a web call has none).
 */
export type WebCallParams = Omit<
  CreateCallRequest,
  "type" | "from_phone_number" | "to_phone_number"
>;

/** Parameters of `calls.createOutboundCall`: the create-call body without `type`. */
export type OutboundCallParams = Omit<CreateCallRequest, "type">;

/**
 * What create-call answers, flattened when the server wraps it in `{ data }`. The spec marks
 * no field required, so each may be absent.
 */
export type CreateCallResult = CreateCallResponse;

/** A web call's result: `access_token` and `url` are checked present, as a browser needs both. */
export type WebCallResult = CreateCallResult & { access_token: string; url: string };
