import type { MockAgniServerRequest } from "../testing/index.js";
import { isLoopback, type MockSettings } from "./mock-input.js";

/**
 * What `mock` prints once listening: the URL, how to point the SDK at it, and a warning when it
 * is reachable beyond this machine. The `--api-key` value itself is never shown.
 *
 * @example
 * out.stdout(formatMockBanner("http://127.0.0.1:4010", settings));
 */
export function formatMockBanner(url: string, settings: MockSettings): string {
  // A wildcard address listens everywhere but is no address to connect to.
  const local = url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])/, (_, any: string) =>
    any === "[::]" ? "http://[::1]" : "http://127.0.0.1",
  );
  const key = settings.apiKey === undefined ? "test" : "<the --api-key value>";
  return [
    `Mock Agni API listening on ${url}`,
    "Point the SDK (or agni-client call) at it:",
    `  AGNI_BASE_URL=${local} AGNI_API_KEY=${key}`,
    `Answers: ${settings.shape}, ${settings.latencyMs} ms added latency. ` +
      `Keys: ${settings.apiKey === undefined ? "any non-empty X-Api-Key" : "only the --api-key value"}. ` +
      "Ctrl-C stops it.",
    "",
  ].join("\n");
}

/**
 * The warning `mock` prints on stderr when `--host` is beyond loopback, else `""`.
 *
 * @example
 * formatHostWarning("0.0.0.0"); // "warning: listening on 0.0.0.0: ..."
 */
export function formatHostWarning(host: string): string {
  if (isLoopback(host)) return "";
  return (
    `warning: listening on ${host}, beyond loopback: other machines can reach this mock. ` +
    "Use --host 127.0.0.1 to keep it local. (The SDK sends a key over plain http to another " +
    "machine only with allowInsecureHttp: true.)\n"
  );
}

/**
 * One request's log line: method, path, status and milliseconds. The query string is left out,
 * as it may carry a key; headers are never shown.
 *
 * @example
 * formatRequestLine({ method: "POST", path: "/api/v1/calling/create-call", status: 200, durationMs: 2.4 });
 * // "POST /api/v1/calling/create-call 200 2 ms\n"
 */
export function formatRequestLine(request: MockAgniServerRequest): string {
  const path = request.path.split("?")[0];
  const status = request.status === 0 ? "dropped" : String(request.status);
  return `${request.method} ${path} ${status} ${Math.round(request.durationMs)} ms\n`;
}
