import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  AgniValidationError,
  createAgniClient,
  type AgniClient,
  type AgniClientOptions,
} from "../../src/index.js";
import { startMockAgniServer, type MockAgniServer } from "../../src/testing/index.js";
import { API_KEY } from "./fixtures.js";

/** The mock Agni served on 127.0.0.1 for a test file, reset before each test. */
export interface MockUpstream {
  readonly server: MockAgniServer;
  /** A client with the key, pointed at the mock, that does not retry unless told to. */
  client(options?: AgniClientOptions): AgniClient;
}

export function useMockUpstream(): MockUpstream {
  let server: MockAgniServer | undefined;
  beforeAll(async () => {
    server = await startMockAgniServer({ apiKey: API_KEY });
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.mock.reset());
  return {
    get server() {
      return server!;
    },
    client: (options) => keyedClient(server!.url, options),
  };
}

/** A client with the key for a server on 127.0.0.1, that does not retry unless told to. */
export function keyedClient(baseUrl: string, options?: AgniClientOptions): AgniClient {
  return createAgniClient({ apiKey: API_KEY, baseUrl, maxRetries: 0, logLevel: "off", ...options });
}

/** The fields of the AgniValidationError that `make` throws. */
export function issueFieldsOf(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    if (error instanceof AgniValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  throw new Error("expected an AgniValidationError, but nothing was thrown");
}

/** A body stream that never ends, and how many bytes were pulled from it. */
export function endlessBody(chunkBytes = 4096) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return { stream, pulled };
}
