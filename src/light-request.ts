/**
 * A minimal stand-in for `Request`, given to the openapi-fetch client behind the call helpers:
 * it keeps the URL and init openapi-fetch built, skipping the WHATWG Request's parsing and body
 * stream, which is most of openapi-fetch's cost per call. The transport recognises it and sends
 * its parts to fetch directly. `agni.raw` keeps real Requests, for middleware.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  /** The caller's signal; none when the caller gave none. */
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    if (init.body != null && typeof init.body !== "string") {
      throw new TypeError("LightRequest carries string bodies only (openapi-fetch's JSON)");
    }
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
  }
}

/**
 * A response whose body was read already (within the time limit), as the helpers' openapi-fetch
 * client reads it: status, headers and the text, without building a second `Response`.
 */
export class ReadResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  readonly #text: string;

  constructor(response: Response, text: string) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.ok = response.ok;
    this.headers = response.headers;
    this.url = response.url;
    this.#text = text;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.#text));
  }
}
