import { describe, expect, it } from "vitest";
import {
  AgniAPIError,
  AgniAuthenticationError,
  AgniBadRequestError,
  AgniConflictError,
  AgniConnectionError,
  AgniError,
  AgniInternalServerError,
  AgniNotFoundError,
  AgniPermissionDeniedError,
  AgniRateLimitError,
  AgniRedirectError,
  AgniTimeoutError,
  AgniUnprocessableEntityError,
  AgniValidationError,
  createAgniClient,
} from "../src/index.js";
import { API_KEY, everyRendering, rejectionOf, useTestServer } from "./helpers/fixtures.js";
import { sendJson } from "./helpers/test-server.js";

const startServer = useTestServer();
const outbound = {
  agent_id: "agent_1",
  from_phone_number: "+14157774444",
  to_phone_number: "+12137774445",
};

describe("error classes by status", () => {
  it.each([
    [400, AgniBadRequestError],
    [401, AgniAuthenticationError],
    [403, AgniPermissionDeniedError],
    [404, AgniNotFoundError],
    [409, AgniConflictError],
    [422, AgniUnprocessableEntityError],
    [429, AgniRateLimitError],
    [500, AgniInternalServerError],
    [502, AgniInternalServerError],
    [503, AgniInternalServerError],
    [504, AgniInternalServerError],
    [418, AgniAPIError],
  ])(
    "%i with a JSON body gives %o with its message, code, body and request id",
    async (status, ErrorClass) => {
      const body = { success: false, message: `failure ${status}`, code: "INVALID_REQUEST" };
      const server = await startServer((_req, res) =>
        sendJson(res, status, body, { "x-request-id": `req-${status}` }),
      );
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });

      const error = await rejectionOf(agni.calls.createOutboundCall(outbound));

      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(AgniAPIError);
      expect(error).toBeInstanceOf(AgniError);
      const apiError = error as AgniAPIError;
      expect(apiError.constructor).toBe(ErrorClass);
      expect(apiError.name).toBe(ErrorClass.name);
      expect(apiError.status).toBe(status);
      expect(apiError.message).toBe(`failure ${status}`);
      expect(apiError.code).toBe("INVALID_REQUEST");
      expect(apiError.body).toStrictEqual(body);
      expect(apiError.requestId).toBe(`req-${status}`);
      expect(apiError.headers["content-type"]).toBe("application/json");
      expect(server.requests).toHaveLength(1);
    },
  );

  it.each([
    [502, AgniInternalServerError],
    [503, AgniInternalServerError],
    [401, AgniAuthenticationError],
    [404, AgniNotFoundError],
  ])(
    "%i with a proxy's HTML page still gives %o, with status and a short snippet",
    async (status, ErrorClass) => {
      const page = `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title><style>body{color:red}</style></head>
      <body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center>${" padding".repeat(200)}</body></html>`;
      const server = await startServer((_req, res) => {
        res.writeHead(status, { "content-type": "text/html" });
        res.end(page);
      });
      const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

      const error = (await rejectionOf(
        agni.calls.createWebCall({ agent_id: "a" }),
      )) as AgniAPIError;

      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.message).toMatch(
        new RegExp(`^${status} .*: ${status} Bad Gateway ${status} Bad Gateway nginx`),
      );
      expect(error.message).not.toContain("<");
      expect(error.message).not.toContain("color:red");
      expect(error.message.length).toBeLessThan(260);
      expect(error.body).toBe(page);
      expect(error.code).toBeUndefined();
    },
  );

  it.each([
    [500, AgniInternalServerError],
    [429, AgniRateLimitError],
    [403, AgniPermissionDeniedError],
  ])("%i with an empty body gives %o saying the body was empty", async (status, ErrorClass) => {
    const server = await startServer((_req, res) => {
      res.writeHead(status);
      res.end();
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });

    const error = (await rejectionOf(agni.calls.createOutboundCall(outbound))) as AgniAPIError;

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`${status}`);
    expect(error.message).toContain("empty body");
    expect(error.body).toBe("");
  });

  it("a JSON error body without a message falls back to the status and the JSON", async () => {
    const server = await startServer((_req, res) => sendJson(res, 400, { detail: "bad agent" }));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = (await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }))) as AgniAPIError;

    expect(error).toBeInstanceOf(AgniBadRequestError);
    expect(error.message).toBe('400 Bad Request: {"detail":"bad agent"}');
  });
});

describe("error text", () => {
  it("calls a JSON null body null, not empty", async () => {
    const server = await startServer((_req, res) => sendJson(res, 400, null));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const error = (await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }))) as AgniAPIError;
    expect(error.message).toBe("400 Bad Request: null");
    expect(error.body).toBeNull();
  });

  it("cuts a server's long message to 200 characters, keeping it whole in body", async () => {
    const long = "x".repeat(10_000);
    const server = await startServer((_req, res) => sendJson(res, 422, { message: long }));
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });
    const error = (await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }))) as AgniAPIError;
    expect(error.message).toBe(`${"x".repeat(200)}…`);
    expect(error.body).toEqual({ message: long });
  });
});

describe("error names", () => {
  it.each([
    AgniError,
    AgniValidationError,
    AgniAPIError,
    AgniBadRequestError,
    AgniAuthenticationError,
    AgniPermissionDeniedError,
    AgniNotFoundError,
    AgniConflictError,
    AgniUnprocessableEntityError,
    AgniRateLimitError,
    AgniInternalServerError,
    AgniConnectionError,
    AgniTimeoutError,
    AgniRedirectError,
  ])("%o carries its own class name as a string on the prototype", (ErrorClass) => {
    expect(Object.prototype.hasOwnProperty.call(ErrorClass.prototype, "name")).toBe(true);
    expect(ErrorClass.prototype.name).toBe(ErrorClass.name);
  });
});

describe("network failures", () => {
  it("a refused connection gives AgniConnectionError keeping the cause", async () => {
    const server = await startServer(() => undefined);
    const url = server.url;
    await server.close();
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: url, maxRetries: 0 });

    const error = (await rejectionOf(
      agni.calls.createOutboundCall(outbound),
    )) as AgniConnectionError;

    expect(error).toBeInstanceOf(AgniConnectionError);
    expect(error.name).toBe("AgniConnectionError");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain(`POST ${url}/api/v1/calling/create-call`);
  });

  it("a connection reset before the answer gives AgniConnectionError", async () => {
    const server = await startServer((_req, res) => {
      res.socket?.destroy();
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = await rejectionOf(agni.calls.createOutboundCall(outbound));

    expect(error).toBeInstanceOf(AgniConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("a connection reset in the middle of the body gives AgniConnectionError", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"success": true, "session_id": "');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = await rejectionOf(agni.calls.createWebCall({ agent_id: "a" }));

    expect(error).toBeInstanceOf(AgniConnectionError);
  });
});

describe("the API key never leaks into errors", () => {
  it("is redacted even when the server echoes it in the body, message and headers", async () => {
    const server = await startServer((req, res) =>
      sendJson(
        res,
        401,
        {
          success: false,
          message: `key ${req.headers["x-api-key"]} is revoked`,
          echo: req.headers,
        },
        { "x-echo-key": String(req.headers["x-api-key"]) },
      ),
    );
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = (await rejectionOf(agni.calls.createOutboundCall(outbound))) as AgniAPIError;

    expect(error).toBeInstanceOf(AgniAuthenticationError);
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
    expect(error.message).toBe("key *** is revoked");
    expect(error.headers["x-echo-key"]).toBe("***");
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it("is absent from HTML, connection, timeout and validation errors", async () => {
    const html = await startServer((req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html>upstream rejected ${req.headers["x-api-key"]}</html>`);
    });
    const slow = await startServer(() => undefined);
    const closed = await startServer(() => undefined);
    await closed.close();

    const errors = await Promise.all([
      rejectionOf(
        createAgniClient({ apiKey: API_KEY, baseUrl: html.url }).calls.createWebCall({
          agent_id: "a",
        }),
      ),
      rejectionOf(
        createAgniClient({ apiKey: API_KEY, baseUrl: slow.url, timeoutMs: 50 }).calls.createWebCall(
          { agent_id: "a" },
        ),
      ),
      rejectionOf(
        createAgniClient({
          apiKey: API_KEY,
          baseUrl: closed.url,
          maxRetries: 0,
        }).calls.createWebCall({
          agent_id: "a",
        }),
      ),
      rejectionOf(
        createAgniClient({ apiKey: API_KEY, baseUrl: html.url }).calls.createOutboundCall({
          agent_id: "",
          from_phone_number: API_KEY,
          to_phone_number: "+1",
          metadata: { secret: API_KEY, when: new Date() },
        }),
      ),
    ]);

    expect(errors.map((e) => (e as Error).name)).toEqual([
      "AgniInternalServerError",
      "AgniTimeoutError",
      "AgniConnectionError",
      "AgniValidationError",
    ]);
    for (const error of errors) expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it("is redacted from a redirect's location", async () => {
    const server = await startServer((req, res) => {
      res.writeHead(302, {
        location: `https://login.example/auth?api_key=${req.headers["x-api-key"]}`,
      });
      res.end();
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const error = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "a" }),
    )) as AgniRedirectError;

    expect(error).toBeInstanceOf(AgniRedirectError);
    expect(error.location).toBe("https://login.example/auth?api_key=***");
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it("is redacted before a long page is cut to a snippet, and from JSON keys", async () => {
    const server = await startServer((req, res) => {
      const key = String(req.headers["x-api-key"]);
      if (req.body.includes("page")) {
        res.writeHead(401, { "content-type": "text/html" });
        res.end(`<p>${"x".repeat(170)} Invalid key ${key} for this account</p>`);
      } else sendJson(res, 403, { success: false, keys: { [key]: "revoked" } });
    });
    const agni = createAgniClient({ apiKey: API_KEY, baseUrl: server.url });

    const page = await rejectionOf(agni.calls.createWebCall({ agent_id: "page" }));
    const json = (await rejectionOf(
      agni.calls.createWebCall({ agent_id: "json" }),
    )) as AgniAPIError;

    expect((page as Error).message).toContain("Invalid key ***");
    expect(everyRendering(page)).not.toContain(API_KEY.slice(0, 12));
    expect(json.body).toEqual({ success: false, keys: { "***": "revoked" } });
    expect(everyRendering(json)).not.toContain(API_KEY);
  });

  it("is not visible on the client object", () => {
    const agni = createAgniClient({ apiKey: API_KEY });
    expect(everyRendering(agni)).not.toContain(API_KEY);
  });
});
