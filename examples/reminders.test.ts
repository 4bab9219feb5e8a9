/** A test of your own code with agni-client/testing as the fetch: no network, no key. */
import { createAgniClient } from "agni-client";
import { createMockAgni } from "agni-client/testing";
import { expect, it } from "vitest";
import { callReminders } from "./reminders.js";

it("calls every customer with their name and time", async () => {
  const mock = createMockAgni();
  const agni = createAgniClient({ apiKey: "test-key", fetch: mock });

  const sessions = await callReminders(agni, [
    { customer: "Ada", phone: "+12137774445", at: "10:00" },
    { customer: "Grace", phone: "+12137774446", at: "11:30" },
  ]);

  expect(sessions).toHaveLength(2);
  expect(mock.calls.map((call) => call.body)).toMatchObject([
    {
      type: "outbound_call",
      to_phone_number: "+12137774445",
      prompt_dynamic_variables: { customer_name: "Ada" },
    },
    {
      type: "outbound_call",
      to_phone_number: "+12137774446",
      prompt_dynamic_variables: { customer_name: "Grace" },
    },
  ]);
});

it("stops at the first failure, and the mock can script it", async () => {
  const mock = createMockAgni().enqueue({ status: 503, body: "<html>down</html>" });
  const agni = createAgniClient({ apiKey: "test-key", fetch: mock, logLevel: "off" });

  await expect(
    callReminders(agni, [{ customer: "Ada", phone: "+12137774445", at: "10:00" }]),
  ).rejects.toMatchObject({ name: "AgniInternalServerError", safeToRetry: false });
  expect(mock.calls).toHaveLength(1);
});
