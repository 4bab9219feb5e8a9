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
import type { CreateCallRequest } from "./spec/create-call.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

/**
 * The client for `Paths` when they declare create-call with a body the helpers' requests
 * satisfy; otherwise a message type saying what is wrong, so that any use of the client fails
 * to compile with that message.
 *
 * @example
 * const agni: ClientFor<paths> = createAgniClient<paths>(); // paths from a newer upstream spec
 */
export type ClientFor<Paths extends {}> = Paths extends {
  "/api/v1/calling/create-call": {
    post: { requestBody?: { content: { "application/json": infer Body } } };
  };
}
  ? CreateCallRequest extends Body
    ? AgniClient<Paths>
    : "agni-client: the create-call body in these paths no longer accepts the helpers' CreateCallRequest (a field renamed, removed, retyped or newly required, or metadata typed Record<string, never): generate with --empty-objects-unknown, or update agni-client"
  : "agni-client: these paths have no POST /api/v1/calling/create-call with a JSON body; generate them from Agni's spec";

/**
 * A client of the Agni API.
 *
 * @example
 * const agni: AgniClient = createAgniClient();
 * const { session_id } = await agni.calls.createOutboundCall(params);
 */
export interface AgniClient<Paths extends {} = paths> {
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
  readonly raw: Client<Paths>;
}

/**
 * Creates a client. With no options it reads `AGNI_API_KEY` (and `AGNI_BASE_URL`) from the
 * environment; it throws {@link AgniValidationError} when options are bad or no key is found.
 * `Paths` (default: the package's own generated `paths`) types `agni.raw`: pass types you
 * generated from a newer upstream spec to call its new paths before this package is released
 * again; the helpers keep the package's own create-call types.
 *
 * @example
 * const agni = createAgniClient({ apiKey: process.env.AGNI_API_KEY });
 * const call = await agni.calls.createWebCall({ agent_id: "agent_123" });
 */
export function createAgniClient<Paths extends {} = paths>(
  options?: AgniClientOptions,
): ClientFor<Paths> {
  const config = resolveClientOptions(options);
  const log = createLog(config.logger, config.logLevel);
  const transport = createTransport({ ...config, dispatch: createDispatch(config.fetch) }, log);
  const redact = transport.redactionFor(null);
  for (const warning of config.warnings) log.warn?.(redact, warning);
  const headers = {
    Accept: "application/json",
    "X-Agni-Client": `${PACKAGE_NAME}/${VERSION}`,
    ...config.headers,
  };
  const raw = createClient<Paths>({
    baseUrl: config.baseUrl,
    headers,
    fetch: fetchOverTransport(transport),
  });
  const client: AgniClient<Paths> = {
    calls: createCallsAPI(transport, config.baseUrl, headers),
    raw,
  };
  // agni-client/server relays Agni's answers to browsers and must hide the key in them, through
  // the public entry alone: it finds the redaction (not the key) under this registered symbol.
  Object.defineProperty(client, Symbol.for("agni-client.redact"), { value: redact });
  return client as ClientFor<Paths>;
}
