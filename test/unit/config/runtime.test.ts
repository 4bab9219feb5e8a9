import { describe, expect, it } from "vitest";
import { isBrowser, pageLocation } from "../../../src/config/runtime.js";

const page = { window: {}, document: {} };
const worker = {
  WorkerGlobalScope: function WorkerGlobalScope() {},
  importScripts: () => undefined,
};

describe("isBrowser", () => {
  it("needs both window and document for a page, both worker markers for a worker", () => {
    expect(isBrowser(page)).toBe(true);
    expect(isBrowser(worker)).toBe(true);
    expect(isBrowser({ window: {} })).toBe(false);
    expect(isBrowser({ document: {} })).toBe(false);
    expect(isBrowser({ WorkerGlobalScope: worker.WorkerGlobalScope })).toBe(false);
    expect(isBrowser({ importScripts: worker.importScripts })).toBe(false);
    expect(isBrowser({})).toBe(false);
  });

  it("is false in server runtimes that look like browsers in parts", () => {
    expect(isBrowser({ ...page, process: { versions: { node: "20" } } })).toBe(false);
    expect(isBrowser({ ...page, process: {} })).toBe(true);
    expect(isBrowser({ ...page, EdgeRuntime: "edge" })).toBe(false);
    expect(isBrowser({ ...worker, navigator: { userAgent: "Cloudflare-Workers" } })).toBe(false);
    expect(isBrowser({ ...worker, WebSocketPair: {} })).toBe(false);
    expect(isBrowser({ ...worker, HTMLRewriter: {} })).toBe(false);
  });
});

describe("pageLocation", () => {
  it("is the page's href when there is one", () => {
    expect(pageLocation({ location: { href: "https://app.example/x" } })).toBe(
      "https://app.example/x",
    );
    expect(pageLocation({ location: { href: 5 } })).toBeUndefined();
    expect(pageLocation({})).toBeUndefined();
  });
});
