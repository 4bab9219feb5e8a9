import { describe, expectTypeOf, it } from "vitest";
import type {
  AgniAPIError,
  AgniClient,
  AgniValidationError,
  components,
  CreateCallResult,
  paths,
  OutboundCallParams,
  WebCallParams,
  WebCallResult,
} from "../src/index.js";
import type { MockAgni } from "../src/testing/index.js";
import { createAgniClient } from "../src/index.js";

declare const agni: AgniClient;
type Schemas = components["schemas"];
const numbers = { from_phone_number: "+14157774444", to_phone_number: "+12137774445" };

describe("helper parameters come from the generated schema", () => {
  it("keeps the API's snake_case fields and drops type", () => {
    expectTypeOf<OutboundCallParams>().toEqualTypeOf<Omit<Schemas["CreateCallRequest"], "type">>();
    expectTypeOf<WebCallParams>().toEqualTypeOf<
      Omit<Schemas["CreateCallRequest"], "type" | "from_phone_number" | "to_phone_number">
    >();
    expectTypeOf<OutboundCallParams["to_phone_number"]>().toEqualTypeOf<string>();
    expectTypeOf<keyof WebCallParams>().toEqualTypeOf<
      "agent_id" | "metadata" | "prompt_dynamic_variables"
    >();
  });

  it("accepts metadata and prompt variables with arbitrary keys", () => {
    void agni.calls.createWebCall({
      agent_id: "a",
      metadata: { crm_id: "c-1", score: 3, nested: { tags: ["a"] } },
      prompt_dynamic_variables: { customer_name: "Ada", anything_else: true },
    });
    expectTypeOf<NonNullable<WebCallParams["metadata"]>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it("rejects a type passed by the caller, and unknown or camelCase fields", () => {
    // @ts-expect-error type is set by the helper
    void agni.calls.createWebCall({ agent_id: "a", type: "web_call" });
    // @ts-expect-error camelCase is not the API's field name
    void agni.calls.createWebCall({ agentId: "a" });
    // @ts-expect-error a web call has no phone numbers
    void agni.calls.createWebCall({ agent_id: "a", to_phone_number: "+12137774445" });
    // @ts-expect-error unknown field
    void agni.calls.createOutboundCall({ agent_id: "a", ...numbers, color: "blue" });
  });

  it("requires both numbers and the agent for an outbound call", () => {
    // @ts-expect-error to_phone_number missing
    void agni.calls.createOutboundCall({ agent_id: "a", from_phone_number: "+14157774444" });
    // @ts-expect-error from_phone_number missing
    void agni.calls.createOutboundCall({ agent_id: "a", to_phone_number: "+12137774445" });
    // @ts-expect-error agent_id missing
    void agni.calls.createOutboundCall({ ...numbers });
    // @ts-expect-error metadata must be an object
    void agni.calls.createOutboundCall({ agent_id: "a", ...numbers, metadata: "x" });
  });

  it("types per-request options", () => {
    void agni.calls.createWebCall(
      { agent_id: "a" },
      { signal: AbortSignal.timeout(1000), timeoutMs: 5, headers: { "X-T": "1" } },
    );
    void agni.calls.createOutboundCall(
      { agent_id: "a", ...numbers },
      { maxRetries: 0, idempotencyKey: "a-uuid" },
    );
    // @ts-expect-error timeoutMs is a number
    void agni.calls.createWebCall({ agent_id: "a" }, { timeoutMs: "5s" });
  });
});

describe("results", () => {
  it("returns the generated response type, with access_token and url sure for a web call", () => {
    expectTypeOf(agni.calls.createOutboundCall).returns.resolves.toEqualTypeOf<CreateCallResult>();
    expectTypeOf<CreateCallResult>().toEqualTypeOf<Schemas["CreateCallResponse"]>();
    expectTypeOf(agni.calls.createWebCall).returns.resolves.toEqualTypeOf<WebCallResult>();
    expectTypeOf<WebCallResult["access_token"]>().toEqualTypeOf<string>();
    expectTypeOf<WebCallResult["url"]>().toEqualTypeOf<string>();
    expectTypeOf<WebCallResult["session_id"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("raw client", () => {
  it("is typed by the generated paths", async () => {
    const { data } = await agni.raw.POST("/api/v1/calling/create-call", {
      body: { type: "outbound_call", agent_id: "a", ...numbers },
    });
    expectTypeOf(data).toEqualTypeOf<Schemas["CreateCallResponse"] | undefined>();
    void agni.raw.POST("/api/v1/calling/create-call", {
      // @ts-expect-error a wrong call type
      body: { type: "sms", agent_id: "a", ...numbers },
    });
    void agni.raw.POST("/api/v1/calling/create-call", {
      // @ts-expect-error unknown field in the body
      body: { type: "web_call", agent_id: "a", ...numbers, x: 1 },
    });
    // @ts-expect-error a path the spec does not have
    void agni.raw.POST("/api/v1/calling/delete-call", {});
  });
});

describe("options and errors", () => {
  it("accepts a mock as fetch and null as the key", () => {
    expectTypeOf(
      createAgniClient({ fetch: {} as MockAgni, apiKey: null }),
    ).toEqualTypeOf<AgniClient>();
    expectTypeOf(createAgniClient()).toEqualTypeOf<AgniClient>();
    void createAgniClient({
      maxRetries: 3,
      logger: console,
      logLevel: "debug",
      allowInsecureHttp: true,
      dangerouslyAllowBrowser: false,
    });
    // @ts-expect-error timeoutMs is a number
    createAgniClient({ timeoutMs: "60s" });
    // @ts-expect-error no such log level
    createAgniClient({ logLevel: "trace" });
  });

  it("exposes typed error fields", () => {
    expectTypeOf<AgniAPIError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<AgniAPIError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AgniAPIError["safeToRetry"]>().toEqualTypeOf<boolean>();
    expectTypeOf<AgniValidationError["attempts"]>().toEqualTypeOf<number>();
    expectTypeOf<AgniValidationError["issues"][number]>().toEqualTypeOf<{
      field: string;
      message: string;
    }>();
  });
});

describe("createAgniClient<Paths>: types generated from a newer upstream spec", () => {
  type CreateCall = paths["/api/v1/calling/create-call"];
  type Body = Schemas["CreateCallRequest"];
  type Newer = Omit<paths, "/api/v1/calling/create-call"> & {
    "/api/v1/calling/create-call": Omit<CreateCall, "post"> & {
      post: Omit<CreateCall["post"], "requestBody"> & {
        requestBody: { content: { "application/json": Body & { language?: string } } };
      };
    };
    "/api/v1/calling/call-sessions": {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      get: {
        parameters: { query?: { page?: number }; header?: never; path?: never; cookie?: never };
        requestBody?: never;
        responses: {
          200: {
            headers: { [name: string]: unknown };
            content: { "application/json": { data: { id: string }[] } };
          };
        };
      };
    };
  };

  it("types agni.raw by the given paths, new path and new field included", () => {
    const newer = createAgniClient<Newer>();
    expectTypeOf(newer).toEqualTypeOf<AgniClient<Newer>>();
    void newer.raw.GET("/api/v1/calling/call-sessions", { params: { query: { page: 2 } } });
    void newer.raw.POST("/api/v1/calling/create-call", {
      body: {
        type: "web_call",
        agent_id: "a",
        from_phone_number: "",
        to_phone_number: "",
        language: "en-US",
      },
    });
    // @ts-expect-error query parameters are typed by the given paths
    void newer.raw.GET("/api/v1/calling/call-sessions", { params: { query: { page: "2" } } });
    // The helpers keep the package's own types.
    expectTypeOf(newer.calls.createWebCall).returns.toEqualTypeOf<Promise<WebCallResult>>();
  });

  it("refuses paths without create-call, or whose create-call the helpers cannot send", () => {
    type Without = Omit<paths, "/api/v1/calling/create-call">;
    // @ts-expect-error no create-call: the client's type is a message saying so
    void createAgniClient<Without>().raw;
    expectTypeOf(
      createAgniClient<Without>(),
    ).toMatchTypeOf<`agni-client: these paths have no POST ${string}`>();
    type Renamed = Omit<paths, "/api/v1/calling/create-call"> & {
      "/api/v1/calling/create-call": {
        post: {
          requestBody: {
            content: { "application/json": Omit<Body, "agent_id"> & { agentId: string } };
          };
        };
      };
    };
    // @ts-expect-error agent_id renamed upstream: the helpers cannot send it
    void createAgniClient<Renamed>().calls;
    expectTypeOf(
      createAgniClient<Renamed>(),
    ).toMatchTypeOf<`agni-client: the create-call body ${string}`>();
  });
});
