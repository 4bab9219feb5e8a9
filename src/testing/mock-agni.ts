import type { ValidationIssue } from "../errors/index.js";
import { isPlainObject } from "../json-value.js";
import {
  CALL_TYPES,
  OBJECT_REQUEST_FIELDS,
  REQUIRED_REQUEST_FIELDS,
  type CreateCallResponse,
} from "../spec-fields.js";
import { sleep } from "../sleep.js";
import { fakeLiveKitToken, uuidV7 } from "./ids.js";

/**
 * The path the mock implements.
 *
 * @example
 * expect(mock.calls[0]?.path).toBe(CREATE_CALL_PATH);
 */
export const CREATE_CALL_PATH = "/api/v1/calling/create-call";

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
 * A scripted HTTP answer for the next request.
 *
 * @example
 * mock.enqueue({ status: 503, body: "<html>down</html>", delayMs: 100 });
 */
export interface MockAnswer {
  status?: number;
  /** An object or array is sent as JSON; a string as it is (HTML, say); absent is empty. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (aborts still cut it short). */
  delayMs?: number;
}

/**
 * A scripted network failure for the next request: the fetch rejects.
 *
 * @example
 * mock.enqueue({ networkError: true }); // the next request fails like a dropped connection
 */
export interface MockNetworkFailure {
  /** `true` rejects with a `TypeError("fetch failed")`, as fetch does; or the error to throw. */
  networkError: true | Error;
  delayMs?: number;
}

/**
 * One request the mock received.
 *
 * @example
 * const [first]: RecordedRequest[] = mock.calls;
 * expect(first?.body).toMatchObject({ type: "web_call" });
 */
export interface RecordedRequest {
  method: string;
  /** Path and query, such as `/api/v1/calling/create-call`. */
  path: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON, or the text when it is not JSON (`undefined` when empty). */
  body: unknown;
}

/**
 * A fetch-compatible fake Agni API: pass it as `fetch` to `createAgniClient`.
 *
 * @example
 * const mock: MockAgni = createMockAgni();
 * const agni = createAgniClient({ apiKey: "test", fetch: mock });
 */
export interface MockAgni {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every request received, in order. */
  readonly calls: RecordedRequest[];
  /** Scripts the next answers, one per request, before the default behaviour resumes. */
  enqueue(...answers: (MockAnswer | MockNetworkFailure)[]): MockAgni;
  /** Forgets recorded calls and scripted answers. */
  reset(): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

const failure = (status: number, code: string, message: string, extra: object = {}) =>
  json(status, { success: false, message, code, ...extra });

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
 * Creates a fake of the Agni API's create-call, as the spec describes it: 401 without
 * `X-Api-Key`, 422 listing the problems for a body the spec rejects, else 200 with a UUIDv7
 * `session_id`, `room_id` = `call_<session_id>`, a LiveKit-shaped token and a `wss://` url.
 *
 * @example
 * const mock = createMockAgni();
 * const agni = createAgniClient({ apiKey: "test", fetch: mock });
 * await agni.calls.createWebCall({ agent_id: "a1" });
 * expect(mock.calls[0].body).toMatchObject({ type: "web_call" });
 */
export function createMockAgni(options: MockAgniOptions = {}): MockAgni {
  const {
    apiKey,
    responseShape = "flat",
    livekitUrl = "wss://agni-mock.livekit.invalid",
  } = options;
  const calls: RecordedRequest[] = [];
  const script: (MockAnswer | MockNetworkFailure)[] = [];

  function answerByDefault(request: Request, body: unknown): Response {
    const { pathname } = new URL(request.url);
    if (pathname !== CREATE_CALL_PATH) {
      return failure(404, "NOT_FOUND", `no route for ${request.method} ${pathname}`);
    }
    if (request.method !== "POST") {
      return failure(405, "METHOD_NOT_ALLOWED", `${pathname} accepts POST only`);
    }
    const key = request.headers.get("x-api-key");
    if (!key || (apiKey !== undefined && key !== apiKey)) {
      return failure(401, "UNAUTHORIZED", "missing or invalid X-Api-Key header");
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

  async function answerFromScript(next: MockAnswer | MockNetworkFailure, signal: AbortSignal) {
    if (next.delayMs) await sleep(next.delayMs, signal);
    if ("networkError" in next) {
      throw next.networkError === true ? new TypeError("fetch failed") : next.networkError;
    }
    const { status = 200, body, headers = {} } = next;
    if (body === undefined || typeof body === "string") {
      return new Response(body === undefined || [204, 205, 304].includes(status) ? null : body, {
        status,
        headers,
      });
    }
    return json(status, body, headers);
  }

  const mock = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    let body: unknown = text === "" ? undefined : text;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as text
    }
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      path: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      body,
    });
    const next = script.shift();
    return next ? answerFromScript(next, request.signal) : answerByDefault(request, body);
  };

  return Object.assign(mock, {
    calls,
    enqueue(...answers: (MockAnswer | MockNetworkFailure)[]) {
      script.push(...answers);
      return mock as MockAgni;
    },
    reset() {
      calls.length = 0;
      script.length = 0;
    },
  });
}
