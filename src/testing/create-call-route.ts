import type { paths } from "../generated/agni.js";
import type { ValidationIssue } from "../errors/index.js";
import {
  CALL_TYPES,
  OBJECT_REQUEST_FIELDS,
  REQUIRED_REQUEST_FIELDS,
  type CreateCallResponse,
} from "../spec/create-call.js";
import { isPlainObject } from "../validation/json-value.js";
import { failure, json } from "./answers.js";
import { fakeLiveKitToken, uuidV7 } from "./ids.js";
import { API_KEY_HEADER } from "../spec/api-key.js";

/**
 * The path the mock implements.
 *
 * @example
 * expect(mock.calls[0]?.path).toBe(CREATE_CALL_PATH);
 */
export const CREATE_CALL_PATH = "/api/v1/calling/create-call" satisfies keyof paths;

/**
 * Options of {@link createMockAgni}.
 *
 * @example
 * const mock = createMockAgni({ apiKey: "test", responseShape: "envelope" });
 */
export interface MockAgniOptions {
  /** The only key accepted; by default any non-empty `X-Api-Key` is. */
  apiKey?: string;
  /** `"flat"` (default) answers as the spec documents; `"envelope"` wraps it in `{ data }`. */
  responseShape?: "flat" | "envelope";
  /** LiveKit URL put in answers. Default `wss://agni-mock.livekit.invalid`. */
  livekitUrl?: string;
}

/**
 * Checks a create-call body against the spec's required fields, enum and object fields.
 *
 * @example
 * checkCreateCallBody({ type: "sms" }); // [{ field: "agent_id", ... }, ..., { field: "type", ... }]
 */
export function checkCreateCallBody(body: unknown): ValidationIssue[] {
  if (!isPlainObject(body)) return [{ field: "body", message: "must be a JSON object" }];
  const issues: ValidationIssue[] = [];
  for (const field of REQUIRED_REQUEST_FIELDS) {
    if (!(field in body)) issues.push({ field, message: "is required" });
    else if (typeof body[field] !== "string") issues.push({ field, message: "must be a string" });
  }
  if (
    typeof body["type"] === "string" &&
    !(CALL_TYPES as readonly string[]).includes(body["type"])
  ) {
    issues.push({ field: "type", message: `must be one of ${CALL_TYPES.join(", ")}` });
  }
  for (const field of OBJECT_REQUEST_FIELDS) {
    if (field in body && !isPlainObject(body[field])) {
      issues.push({ field, message: "must be an object" });
    }
  }
  return issues;
}

/**
 * The mock's default answer, as the spec describes create-call: 404 off its path, 405 for
 * another method, 401 without the right `X-Api-Key`, 422 listing the problems of a body the
 * spec rejects, else 200 with a new call.
 */
export function answerCreateCall(
  request: Request,
  body: unknown,
  options: MockAgniOptions,
): Response {
  const {
    apiKey,
    responseShape = "flat",
    livekitUrl = "wss://agni-mock.livekit.invalid",
  } = options;
  const { pathname } = new URL(request.url);
  if (pathname !== CREATE_CALL_PATH) {
    return failure(404, "NOT_FOUND", `no route for ${request.method} ${pathname}`);
  }
  if (request.method !== "POST") {
    return failure(405, "METHOD_NOT_ALLOWED", `${pathname} accepts POST only`);
  }
  const key = request.headers.get(API_KEY_HEADER);
  if (!key || (apiKey !== undefined && key !== apiKey)) {
    return failure(401, "UNAUTHORIZED", `missing or invalid ${API_KEY_HEADER} header`);
  }
  const issues = checkCreateCallBody(body);
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.field} ${i.message}`).join("; ");
    return failure(422, "INVALID_REQUEST", `invalid create-call body: ${summary}`, {
      errors: issues,
    });
  }
  const session_id = uuidV7();
  const room_id = `call_${session_id}`;
  const call: Required<CreateCallResponse> = {
    success: true,
    message: "call created successfully",
    access_token: fakeLiveKitToken(room_id),
    room_id,
    session_id,
    url: livekitUrl,
  };
  const { success, message, ...data } = call;
  return json(200, responseShape === "envelope" ? { success, message, data } : call, {
    "x-request-id": uuidV7(),
  });
}
