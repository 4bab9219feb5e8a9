export { createAgniClient, type AgniClient, type ClientFor } from "./client.js";
export type { CallsAPI } from "./calls/calls-api.js";
export type {
  CreateCallResult,
  OutboundCallParams,
  WebCallParams,
  WebCallResult,
} from "./calls/types.js";
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type AgniClientOptions,
  type FetchFunction,
  type RequestOptions,
} from "./config/options.js";
export * from "./errors/index.js";
export type { Logger, LogLevel } from "./support/logger.js";
export { E164_PATTERN } from "./validation/call-params.js";
export type { CallType, CreateCallRequest, CreateCallResponse } from "./spec/create-call.js";
export type { components, operations, paths } from "./generated/agni.js";
export { VERSION } from "./version.js";
