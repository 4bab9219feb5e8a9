/**
 * A Node script that places one outbound call.
 *
 *   AGNI_API_KEY=... npx tsx examples/outbound-call.ts agent_123 +14157774444 +12137774445
 */
import { AgniError, AgniValidationError, createAgniClient } from "agni-client";

const [agent_id = "", from_phone_number = "", to_phone_number = ""] = process.argv.slice(2);
const agni = createAgniClient(); // AGNI_API_KEY from the environment

try {
  const call = await agni.calls.createOutboundCall(
    { agent_id, from_phone_number, to_phone_number, metadata: { source: "example" } },
    { timeoutMs: 30_000 },
  );
  console.log(`Calling ${to_phone_number}: session ${call.session_id}, room ${call.room_id}`);
} catch (error) {
  if (error instanceof AgniValidationError) {
    for (const issue of error.issues) console.error(`${issue.field}: ${issue.message}`);
  } else if (error instanceof AgniError) {
    console.error(error.message);
    console.error(
      error.safeToRetry
        ? "The call was not placed; it is safe to try again."
        : "The call may have been placed: check before dialling again.",
    );
  } else {
    throw error;
  }
  process.exitCode = 1;
}
