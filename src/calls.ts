import type { Client } from "openapi-fetch";
import { apiErrorFromResponse } from "./api-error-from-response.js";
import type {
  CreateCallResult,
  OutboundCallParams,
  WebCallParams,
  WebCallResult,
} from "./call-params.js";
import { readCreateCallResult } from "./create-call-result.js";
import { AgniValidationError } from "./errors/index.js";
import type { paths } from "./generated/agni.js";
import { checkRequestOptions, type RequestOptions } from "./options.js";
import { createRedactor, type Redact } from "./redact.js";
import type { CallType, CreateCallRequest } from "./spec-fields.js";
import type { Send } from "./transport.js";
import { validateCallParams } from "./validate-call-params.js";

/**
 * The call helpers, `agni.calls`.
 *
 * @example
 * const { access_token, url } = await agni.calls.createWebCall({ agent_id: "agent_123" });
 */
export interface CallsAPI {
  /**
   * Creates a browser call (`type: "web_call"`). Hand the result's `access_token` and `url` to
   * the page, which joins the LiveKit room with them.
   *
   * @example
   * const { access_token, url, session_id } = await agni.calls.createWebCall({ agent_id });
   */
  createWebCall(params: WebCallParams, options?: RequestOptions): Promise<WebCallResult>;
  /**
   * Places a phone call (`type: "outbound_call"`) from one of your Agni numbers, both numbers
   * in E.164.
   *
   * @example
   * const { session_id } = await agni.calls.createOutboundCall({
   *   agent_id, from_phone_number: "+14157774444", to_phone_number: "+12137774445",
   * });
   */
  createOutboundCall(
    params: OutboundCallParams,
    options?: RequestOptions,
  ): Promise<CreateCallResult>;
}

// The call types with a helper; a type the spec adds later is reachable through agni.raw.
const HELPER_NAME = {
  web_call: "createWebCall",
  outbound_call: "createOutboundCall",
} as const satisfies Partial<Record<CallType, string>>;

// A browser needs both to join the call's LiveKit room.
const WEB_CALL_FIELDS = ["access_token", "url"] as const;

/**
 * The request body for a call. The published schema requires both phone numbers for every
 * call type, so a web call sends them as empty strings; the other fields go as given.
 */
export function buildCreateCallBody(
  type: CallType,
  params: WebCallParams | OutboundCallParams,
): CreateCallRequest {
  const numbers = params as Partial<OutboundCallParams>;
  const body: CreateCallRequest = {
    type,
    agent_id: params.agent_id,
    from_phone_number: numbers.from_phone_number ?? "",
    to_phone_number: numbers.to_phone_number ?? "",
  };
  // Every other field as given (validation checked each against the generated facts), so a
  // field added upstream is sent as soon as the types are regenerated.
  for (const [field, value] of Object.entries(params)) {
    if (value !== undefined && !(field in body)) (body as Record<string, unknown>)[field] = value;
  }
  return body;
}

/** Builds `agni.calls` over the typed openapi-fetch client and the transport. */
export function createCallsAPI(raw: Client<paths>, send: Send, redact: Redact): CallsAPI {
  /** The client's redaction, plus a key the caller set on this request (apiKey: null). */
  function redactionFor(options: RequestOptions | undefined): Redact {
    const [, ownKey] =
      Object.entries(options?.headers ?? {}).find(([name]) => name.toLowerCase() === "x-api-key") ??
      [];
    if (!ownKey) return redact;
    const redactOwn = createRedactor(ownKey);
    return (value) => redactOwn(redact(value));
  }

  async function createCall(
    type: keyof typeof HELPER_NAME,
    params: WebCallParams | OutboundCallParams,
    options: RequestOptions | undefined,
    requiredFields: readonly (keyof CreateCallResult)[] = [],
  ): Promise<CreateCallResult> {
    const redactHere = redactionFor(options);
    const issues = [...validateCallParams(type, params), ...checkRequestOptions(options)];
    if (issues.length > 0) {
      throw new AgniValidationError(`Invalid ${HELPER_NAME[type]} input`, redactHere(issues));
    }
    const headers = options?.idempotencyKey
      ? { ...options.headers, "Idempotency-Key": options.idempotencyKey }
      : options?.headers;
    const { data, error, response } = await raw.POST("/api/v1/calling/create-call", {
      body: buildCreateCallBody(type, params),
      parseAs: "text",
      signal: options?.signal,
      headers,
      fetch: (request) =>
        send(request, { timeoutMs: options?.timeoutMs, maxRetries: options?.maxRetries }),
    });
    if (!response.ok) throw apiErrorFromResponse(response, error, redactHere);
    return readCreateCallResult(response, data, redactHere, requiredFields);
  }

  return {
    createWebCall: (params, options) =>
      createCall("web_call", params, options, WEB_CALL_FIELDS) as Promise<WebCallResult>,
    createOutboundCall: (params, options) => createCall("outbound_call", params, options),
  };
}
