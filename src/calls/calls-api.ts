import type { RequestOptions } from "../config/options.js";
import { AgniValidationError } from "../errors/index.js";
import type { paths } from "../generated/agni.js";
import { mergeHeaderRecord } from "../support/openapi-fetch-interop.js";
import { readText } from "../transport/read-body.js";
import type { Transport } from "../transport/types.js";
import { validateCallParams } from "../validation/call-params.js";
import { headerIn } from "../validation/headers.js";
import { checkRequestOptions } from "../validation/request-options.js";
import { readCreateCallResult } from "./read-result.js";
import { buildCreateCallBody } from "./request-body.js";
import type { CallType } from "../spec/create-call.js";
import type {
  CreateCallResult,
  OutboundCallParams,
  WebCallParams,
  WebCallResult,
} from "./types.js";
import { API_KEY_HEADER } from "../spec/api-key.js";

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

/** The create-call path, checked against the generated paths. */
const CREATE_CALL_PATH = "/api/v1/calling/create-call" satisfies keyof paths;

// A browser needs both to join the call's LiveKit room.
const WEB_CALL_FIELDS = ["access_token", "url"] as const;
const JSON_BODY = { "Content-Type": "application/json" };

/**
 * Builds `agni.calls` on the transport: validate, build the body from the generated types,
 * send (headers merged as openapi-fetch merges `agni.raw`'s), read the result.
 */
export function createCallsAPI(
  transport: Transport,
  baseUrl: string,
  defaultHeaders: Record<string, string>,
): CallsAPI {
  const url = `${baseUrl}${CREATE_CALL_PATH}`;
  // Merged once: most calls add no headers of their own.
  const clientHeaders = mergeHeaderRecord(JSON_BODY, defaultHeaders);

  async function createCall(
    helper: keyof CallsAPI,
    type: CallType,
    params: WebCallParams | OutboundCallParams,
    options: RequestOptions | undefined,
    requiredFields: readonly (keyof CreateCallResult)[],
  ): Promise<CreateCallResult> {
    const redact = () => transport.redactionFor(headerIn(options?.headers, API_KEY_HEADER));
    const issues = [
      ...validateCallParams(type, params, (text) => redact()(text)),
      ...checkRequestOptions(options),
    ];
    if (issues.length > 0) {
      throw new AgniValidationError(`Invalid ${helper} input`, redact()(issues));
    }
    const headers =
      options?.headers || options?.idempotencyKey
        ? mergeHeaderRecord(
            clientHeaders,
            options.headers,
            options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : undefined,
          )
        : clientHeaders;
    const exchange = await transport.send(
      {
        method: "POST",
        url,
        headers,
        body: JSON.stringify(buildCreateCallBody(type, params)),
        signal: options?.signal,
      },
      options ?? {}, // its timeoutMs and maxRetries, over the client's
      readText,
    );
    return readCreateCallResult(exchange, requiredFields);
  }

  return {
    createWebCall: (params, options) =>
      createCall(
        "createWebCall",
        "web_call",
        params,
        options,
        WEB_CALL_FIELDS,
      ) as Promise<WebCallResult>,
    createOutboundCall: (params, options) =>
      createCall("createOutboundCall", "outbound_call", params, options, []),
  };
}
