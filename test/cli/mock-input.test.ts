import { describe, expect, it } from "vitest";
import { isLoopback, readMockInput } from "../../src/cli/mock-input.js";
import {
  formatHostWarning,
  formatMockBanner,
  formatRequestLine,
} from "../../src/cli/mock-output.js";

describe("readMockInput", () => {
  it("defaults to 127.0.0.1:4010, any key, flat answers, no latency", () => {
    expect(readMockInput({})).toEqual({
      port: 4010,
      host: "127.0.0.1",
      apiKey: undefined,
      shape: "flat",
      latencyMs: 0,
    });
  });

  it("reads every flag", () => {
    expect(
      readMockInput({
        port: "0",
        host: "::1",
        "api-key": "k",
        shape: "envelope",
        "latency-ms": "250",
      }),
    ).toEqual({ port: 0, host: "::1", apiKey: "k", shape: "envelope", latencyMs: 250 });
  });

  it("lists every problem by flag", () => {
    expect(
      readMockInput({ port: "65536", host: " ", "api-key": "", shape: "xml", "latency-ms": "-1" }),
    ).toEqual([
      { field: "--port", message: expect.stringContaining('from 0 to 65535, got "65536"') },
      { field: "--host", message: "must not be empty" },
      { field: "--api-key", message: "must not be empty" },
      { field: "--shape", message: 'must be flat or envelope, got "xml"' },
      { field: "--latency-ms", message: expect.stringContaining('got "-1"') },
    ]);
  });
});

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])("%s is", (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "192.168.1.4", "example.com", "127.0.0.1.example.com"])(
    "%s is not",
    (host) => expect(isLoopback(host)).toBe(false),
  );
});

describe("mock output", () => {
  const settings = {
    port: 0,
    host: "127.0.0.1",
    apiKey: undefined,
    shape: "flat",
    latencyMs: 0,
  } as const;

  it("prints the URL and the variables that point the SDK at it", () => {
    const banner = formatMockBanner("http://127.0.0.1:4010", settings);
    expect(banner).toMatch(/^Mock Agni API listening on http:\/\/127\.0\.0\.1:4010\n/);
    expect(banner).toContain("AGNI_BASE_URL=http://127.0.0.1:4010 AGNI_API_KEY=test");
  });

  it("never prints the --api-key value, and gives a connectable URL for a wildcard host", () => {
    const banner = formatMockBanner("http://0.0.0.0:4010", { ...settings, apiKey: "sk_mock_9" });
    expect(banner).not.toContain("sk_mock_9");
    expect(banner).toContain(
      "AGNI_BASE_URL=http://127.0.0.1:4010 AGNI_API_KEY=<the --api-key value>",
    );
    expect(formatMockBanner("http://[::]:4010", settings)).toContain(
      "AGNI_BASE_URL=http://[::1]:4010",
    );
  });

  it("warns when listening beyond loopback, only then", () => {
    expect(formatHostWarning("0.0.0.0")).toMatch(
      /^warning: listening on 0\.0\.0\.0, beyond loopback/,
    );
    expect(formatHostWarning("127.0.0.1")).toBe("");
  });

  it("logs method, path without its query, status and whole milliseconds", () => {
    expect(
      formatRequestLine({
        method: "POST",
        path: "/api/v1/calling/create-call?key=sk_1",
        status: 401,
        durationMs: 2.6,
      }),
    ).toBe("POST /api/v1/calling/create-call 401 3 ms\n");
    expect(formatRequestLine({ method: "GET", path: "/", status: 0, durationMs: 0.2 })).toBe(
      "GET / dropped 0 ms\n",
    );
  });
});
