/** The Hono app against agni-client/testing: no network, no key leaves the test. */
import { createAgniClient } from "agni-client";
import { createMockAgni } from "agni-client/testing";
import { expect, it } from "vitest";
import { createApp } from "./hono-app.js";

it("starts a web call, and the proxy forwards only web calls", async () => {
  const mock = createMockAgni();
  const app = createApp(createAgniClient({ apiKey: "test-key", fetch: mock }));

  const grant = await app.request("/api/web-call", { method: "POST" });
  expect(grant.status).toBe(200);
  expect(Object.keys(await grant.json()).sort()).toEqual([
    "access_token",
    "room_id",
    "session_id",
    "url",
  ]);

  const body = { agent_id: "agent_support", from_phone_number: "", to_phone_number: "" };
  const web = await app.request("/api/agni/api/v1/calling/create-call", {
    method: "POST",
    body: JSON.stringify({ ...body, type: "web_call" }),
  });
  const outbound = await app.request("/api/agni/api/v1/calling/create-call", {
    method: "POST",
    body: JSON.stringify({ ...body, type: "outbound_call", to_phone_number: "+12137774445" }),
  });
  expect([web.status, outbound.status]).toEqual([200, 403]);
  expect(mock.calls.map((call) => (call.body as { type: string }).type)).toEqual([
    "web_call",
    "web_call",
  ]);
});
