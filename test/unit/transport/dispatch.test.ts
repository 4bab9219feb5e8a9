import { afterEach, describe, expect, it, vi } from "vitest";
import { createDispatch, type DispatchInit } from "../../../src/transport/dispatch.js";
import { readText, readWhole } from "../../../src/transport/read-body.js";

afterEach(() => vi.unstubAllGlobals());

/** Stubs the global fetch, recording what it was given. */
function recordGlobalFetch() {
  const seen: RequestInit[] = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    seen.push(init);
    return new Response("ok");
  });
  return seen;
}

const init = (method: string, body: string | null, headers: Record<string, string> = {}) =>
  ({
    method,
    body,
    headers,
    signal: new AbortController().signal,
    redirect: "manual",
  }) satisfies DispatchInit;

describe("createDispatch", () => {
  it("sends url and init straight to the global fetch outside Deno", async () => {
    const seen = recordGlobalFetch();
    const sent = init("POST", "{}");
    await createDispatch(undefined, {})("https://api.example.com/x", sent);
    expect(seen).toEqual([sent]);
  });

  it("hands a custom fetch a Request built from url and init", async () => {
    const requests: Request[] = [];
    const dispatch = createDispatch(
      async (request) => (requests.push(request), new Response()),
      {},
    );
    await dispatch("https://api.example.com/x", init("PUT", "b"));
    expect(requests[0]!.method).toBe("PUT");
    expect(await requests[0]!.text()).toBe("b");
  });

  it("on Deno, sends a body that must not repeat as a one-shot stream, whichever fetch sends it", async () => {
    const seen = recordGlobalFetch();
    const deno = { Deno: {} };
    await createDispatch(undefined, deno)("https://api.example.com/x", init("POST", "{}"));
    expect(seen[0]!.body).toBeInstanceOf(ReadableStream);
    expect((seen[0] as { duplex?: string }).duplex).toBe("half");
    expect(await new Response(seen[0]!.body).text()).toBe("{}");

    const custom: Request[] = [];
    await createDispatch(async (r) => (custom.push(r), new Response()), deno)(
      "https://a.example/x",
      init("POST", "{}"),
    );
    expect(await custom[0]!.text()).toBe("{}");
  });

  it("on Deno, leaves idempotent requests and requests without a body as they are", async () => {
    const seen = recordGlobalFetch();
    const dispatch = createDispatch(undefined, { Deno: {} });
    await dispatch("https://a.example/x", init("PUT", "{}"));
    await dispatch("https://a.example/x", init("POST", "{}", { "idempotency-key": "k" }));
    await dispatch("https://a.example/x", init("POST", null));
    expect(seen.map((sent) => typeof sent.body)).toEqual(["string", "string", "object"]);
    expect(seen[2]!.body).toBeNull();
  });
});

describe("reading bodies", () => {
  it("reads text, or downloads the whole body and leaves the response readable", async () => {
    expect(await readText(new Response("hi"))).toBe("hi");
    const whole = await readWhole(new Response("hi"));
    expect(await whole.text()).toBe("hi");
  });
});
