import { afterEach, describe, expect, it, vi } from "vitest";
import { createDispatch } from "../../../src/transport/dispatch.js";
import { readBytes, readText } from "../../../src/transport/read-body.js";

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

describe("createDispatch", () => {
  it("sends url and init straight to the global fetch outside Deno", async () => {
    const seen = recordGlobalFetch();
    const dispatch = createDispatch(undefined, {});
    await dispatch("https://api.example.com/x", { method: "POST", body: "{}" });
    expect(seen).toEqual([{ method: "POST", body: "{}" }]);
  });

  it("hands a custom fetch a Request built from url and init", async () => {
    const requests: Request[] = [];
    const dispatch = createDispatch(
      async (request) => (requests.push(request), new Response()),
      {},
    );
    await dispatch("https://api.example.com/x", { method: "PUT", body: "b" });
    expect(requests[0]!.method).toBe("PUT");
    expect(await requests[0]!.text()).toBe("b");
  });

  it("on Deno, sends a body that must not repeat as a one-shot stream, whichever fetch sends it", async () => {
    const seen = recordGlobalFetch();
    const deno = { Deno: {} };
    await createDispatch(undefined, deno)("https://api.example.com/x", {
      method: "POST",
      body: "{}",
    });
    expect(seen[0]!.body).toBeInstanceOf(ReadableStream);
    expect((seen[0] as { duplex?: string }).duplex).toBe("half");
    expect(await new Response(seen[0]!.body).text()).toBe("{}");

    const custom: Request[] = [];
    await createDispatch(async (r) => (custom.push(r), new Response()), deno)(
      "https://a.example/x",
      {
        method: "POST",
        body: "{}",
      },
    );
    expect(await custom[0]!.text()).toBe("{}");
  });

  it("on Deno, leaves idempotent requests and requests without a body as they are", async () => {
    const seen = recordGlobalFetch();
    const dispatch = createDispatch(undefined, { Deno: {} });
    await dispatch("https://a.example/x", { method: "PUT", body: "{}" });
    await dispatch("https://a.example/x", {
      method: "POST",
      body: "{}",
      headers: { "Idempotency-Key": "k" },
    });
    await dispatch("https://a.example/x", { method: "POST" });
    expect(seen.map((init) => typeof init.body)).toEqual(["string", "string", "undefined"]);
  });
});

describe("reading bodies", () => {
  it("reads text, and bytes except for statuses that carry none", async () => {
    expect(await readText(new Response("hi"))).toBe("hi");
    expect(new TextDecoder().decode((await readBytes(new Response("hi")))!)).toBe("hi");
    for (const status of [204, 205, 304]) {
      expect(await readBytes(new Response(null, { status }))).toBeNull();
    }
    expect(await readBytes(Response.error())).toBeNull();
    const odd = {
      status: 600,
      arrayBuffer: () => Promise.reject(new Error("read")),
    } as unknown as Response;
    expect(await readBytes(odd)).toBeNull();
    expect(await readBytes(new Response("x", { status: 599 }))).not.toBeNull();
    expect(await readBytes(new Response("x", { status: 200 }))).not.toBeNull();
  });
});
