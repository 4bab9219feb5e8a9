export {
  createWebCallHandler,
  type FromRequest,
  type WebCallGrant,
  type WebCallHandlerOptions,
} from "./web-call-handler.js";
export {
  createAgniProxy,
  type AgniProxyOptions,
  type AllowedRequest,
  type PathTemplate,
} from "./proxy.js";
export type { HttpMethod } from "./options.js";
export type { Authorize } from "./authorize.js";
export type { BodyRules, BodyValue } from "./body-rules.js";
export type { ProxyCorsOptions } from "./cors.js";
export type { FetchHandler } from "./fetch-handler.js";
