import { describe, expect, it } from "vitest";
import { isLoopbackHost, resolveBaseUrl } from "../../../src/config/base-url.js";

describe("resolveBaseUrl", () => {
  it("canonicalises: origin and path, trailing slashes dropped", () => {
    expect(resolveBaseUrl("https://API.example.com:443/v1//", undefined, false)).toEqual({
      baseUrl: "https://api.example.com/v1",
      issues: [],
      warnings: [],
    });
    expect(resolveBaseUrl("/api/agni/", "https://app.example/page", false).baseUrl).toBe(
      "https://app.example/api/agni",
    );
  });

  it("refuses what is not an absolute http(s) URL without query or fragment", () => {
    for (const raw of [
      "api.ravan.ai",
      "ftp://x.example",
      "https://x.example?a=1",
      "https://x.example#f",
      "/rel",
    ]) {
      const { issues } = resolveBaseUrl(raw, undefined, false);
      expect(issues, raw).toEqual([
        { field: "baseUrl", message: expect.stringContaining(`got ${JSON.stringify(raw)}`) },
      ]);
    }
  });

  it("refuses plain http off loopback unless allowed", () => {
    expect(resolveBaseUrl("http://api.example.com", undefined, false).issues[0]?.message).toContain(
      "is plain http off loopback",
    );
    expect(resolveBaseUrl("http://api.example.com", undefined, true)).toEqual({
      baseUrl: "http://api.example.com",
      issues: [],
      warnings: ["allowInsecureHttp: the API key travels unencrypted to http://api.example.com"],
    });
    expect(resolveBaseUrl("http://127.0.0.1:4010", undefined, false)).toMatchObject({
      issues: [],
      warnings: [],
    });
  });
});

describe("isLoopbackHost", () => {
  it("matches loopback names exactly", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      "localhost.evil.com",
      "evil-localhost",
      "127.0.0.1.evil.com",
      "128.0.0.1",
      "[::2]",
      "x127.0.0.1",
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
