import { sleep } from "../support/sleep.js";
import { scriptedResponse } from "./answers.js";
import { answerCreateCall, type MockAgniOptions } from "./create-call-route.js";

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
  const calls: RecordedRequest[] = [];
  const script: (MockAnswer | MockNetworkFailure)[] = [];

  async function answerFromScript(next: MockAnswer | MockNetworkFailure, signal: AbortSignal) {
    if (next.delayMs) await sleep(next.delayMs, signal);
    if ("networkError" in next) {
      throw next.networkError === true ? new TypeError("fetch failed") : next.networkError;
    }
    return scriptedResponse(next.status ?? 200, next.body, next.headers ?? {});
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
    return next ? answerFromScript(next, request.signal) : answerCreateCall(request, body, options);
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
