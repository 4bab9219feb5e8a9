/** "Your own code" for examples/reminders.test.ts: calls each customer with an appointment. */
import type { AgniClient } from "agni-client";

export interface Appointment {
  customer: string;
  phone: string;
  at: string;
}

export async function callReminders(agni: AgniClient, appointments: Appointment[]) {
  const placed: string[] = [];
  for (const appointment of appointments) {
    const call = await agni.calls.createOutboundCall({
      agent_id: "agent_reminders",
      from_phone_number: "+14157774444",
      to_phone_number: appointment.phone,
      prompt_dynamic_variables: { customer_name: appointment.customer, time: appointment.at },
    });
    placed.push(call.session_id ?? "");
  }
  return placed;
}
