import { describe, expect, it } from "vitest";
import { sleep } from "../../../src/support/sleep.js";

describe("sleep", () => {
  it("resolves after the wait, and leaves no listener on the signal", async () => {
    const controller = new AbortController();
    await sleep(1, controller.signal);
    let rejected = false;
    const later = sleep(60_000, controller.signal).catch(() => (rejected = true));
    controller.abort(new Error("stop"));
    await later;
    expect(rejected).toBe(true);
  });

  it("rejects with the signal's reason at once when aborted, or already aborted", async () => {
    const reason = new Error("hung up");
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("waits without a signal", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
