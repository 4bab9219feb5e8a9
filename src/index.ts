export { createAgniClient, type AgniClient } from "./client.js";
export type { CallsAPI } from "./calls.js";
export type {
  CreateCallResult,
  OutboundCallParams,
  WebCallParams,
  WebCallResult,
} from "./call-params.js";
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type AgniClientOptions,
  type FetchFunction,
  type RequestOptions,
} from "./options.js";
export * from "./errors/index.js";
export type { Logger, LogLevel } from "./logger.js";
export { E164_PATTERN } from "./validate-call-params.js";
export type { CallType, CreateCallRequest, CreateCallResponse } from "./spec-fields.js";
export type { components, operations, paths } from "./generated/agni.js";
export { VERSION } from "./version.js";
