import type { Client } from "openapi-fetch";
import { createCallsAPI, type CallsAPI } from "./calls.js";
import type { paths } from "./generated/agni.js";
import { LightRequest } from "./light-request.js";
import { createLog } from "./logger.js";
import { createClient } from "./openapi-fetch-interop.js";
import { resolveClientOptions, type AgniClientOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { createTransport } from "./transport.js";
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
  const resolved = resolveClientOptions(options);
  const redact = createRedactor(resolved.apiKey);
  const log = createLog(resolved.logger, resolved.logLevel, redact);
  for (const warning of resolved.warnings) log.warn(warning);
  const send = createTransport(resolved, log, redact);
  const clientOptions = {
    baseUrl: resolved.baseUrl,
    fetch: (request: Request) => send(request),
    headers: {
      Accept: "application/json",
      "X-Agni-Client": `${PACKAGE_NAME}/${VERSION}`,
      ...resolved.headers,
    },
  };
  const raw = createClient<paths>(clientOptions);
  // The helpers' own client builds light requests; `raw` keeps real ones for middleware.
  const helpers = createClient<paths>({
    ...clientOptions,
    Request: LightRequest as unknown as typeof Request,
  });
  const client: AgniClient = { calls: createCallsAPI(helpers, send, redact), raw };
  // agni-client/server relays Agni's answers to browsers and must hide the key in them, through
  // the public entry alone: it finds the redaction (not the key) under this registered symbol.
  Object.defineProperty(client, Symbol.for("agni-client.redact"), { value: redact });
  return client;
}
