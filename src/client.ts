import type { Client } from "openapi-fetch";
import { createCallsAPI, type CallsAPI } from "./calls/calls-api.js";
import type { AgniClientOptions } from "./config/options.js";
import { resolveClientOptions } from "./config/resolve.js";
import type { paths } from "./generated/agni.js";
import { createLog } from "./support/logger.js";
import { createClient } from "./support/openapi-fetch-interop.js";
import { createDispatch } from "./transport/dispatch.js";
import { fetchOverTransport } from "./transport/fetch-adapter.js";
import { createTransport } from "./transport/transport.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

/**
 * A client of the Agni API.
 *
 * @example
 * const agni: AgniClient = createAgniClient();
 * const { session_id } = await agni.calls.createOutboundCall(params);
 */
export interface AgniClient {
  /** Web and outbound call helpers: validated input, typed results, typed errors. */
  readonly calls: CallsAPI;
  /**
   * The typed openapi-fetch client for every path in the spec, with auth, default headers,
   * time limits and retries applied. It returns `{ data, error, response }` rather than throwing
   * on HTTP errors; network failures and time-outs reject with the typed errors. An
   * `Idempotency-Key` header opts a request into the idempotent retry rules.
   *
   * @example
   * const { data, error, response } = await agni.raw.POST("/api/v1/calling/create-call", { body });
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client. With no options it reads `AGNI_API_KEY` (and `AGNI_BASE_URL`) from the
 * environment; it throws {@link AgniValidationError} when options are bad or no key is found.
 *
 * @example
 * const agni = createAgniClient({ apiKey: process.env.AGNI_API_KEY });
 * const call = await agni.calls.createWebCall({ agent_id: "agent_123" });
 */
export function createAgniClient(options?: AgniClientOptions): AgniClient {
  const config = resolveClientOptions(options);
  const log = createLog(config.logger, config.logLevel);
  const transport = createTransport({ ...config, dispatch: createDispatch(config.fetch) }, log);
  for (const warning of config.warnings) log.warn?.(transport.redactionFor(null), warning);
  const headers = {
    Accept: "application/json",
    "X-Agni-Client": `${PACKAGE_NAME}/${VERSION}`,
    ...config.headers,
  };
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    headers,
    fetch: fetchOverTransport(transport),
  });
  return { calls: createCallsAPI(transport, config.baseUrl, headers), raw };
}
