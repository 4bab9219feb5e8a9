import type { OutboundCallParams, WebCallParams } from "./types.js";
import type { CallType, CreateCallRequest } from "../spec/create-call.js";

/**
 * The request body for a call: `type`, then the caller's fields as given. The published
 * schema requires both phone numbers for every call type, so a web call sends them as empty
 * strings.
 */
export function buildCreateCallBody(
  type: CallType,
  params: WebCallParams | OutboundCallParams,
): CreateCallRequest {
  const {
    agent_id,
    from_phone_number = "",
    to_phone_number = "",
    ...rest
  } = params as Partial<OutboundCallParams> & WebCallParams;
  // Fields the spec adds later travel in `rest`, so the helpers send them at once.
  return { type, agent_id, from_phone_number, to_phone_number, ...rest };
}
