export { AgniError, type AgniErrorOptions } from "./agni-error.js";
export { AgniValidationError, type ValidationIssue } from "./validation-error.js";
export { AgniConnectionError } from "./connection-error.js";
export { AgniTimeoutError } from "./timeout-error.js";
export { AgniRedirectError } from "./redirect-error.js";
export {
  AgniAPIError,
  AgniAuthenticationError,
  AgniBadRequestError,
  AgniConflictError,
  AgniInternalServerError,
  AgniNotFoundError,
  AgniPermissionDeniedError,
  AgniRateLimitError,
  AgniUnprocessableEntityError,
  type AgniAPIErrorInit,
} from "./api-error.js";
