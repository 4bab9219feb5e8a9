import { describe, expect, it } from "vitest";
import { readText, readWhole } from "../../../src/transport/read-body.js";

describe("read-body", () => {
  it("readText reads the body as text", async () => {
    expect(await readText(new Response("héllo"))).toBe("héllo");
  });

  it("readWhole downloads the body and returns the same response, still readable in full", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls <= 3) controller.enqueue(new TextEncoder().encode(`part${pulls};`));
        else controller.close();
      },
    });
    const response = new Response(body, { status: 201 });

    const read = await readWhole(response);

    expect(read).toBe(response);
    expect(pulls).toBe(4); // the source was drained before readWhole resolved
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe("part1;part2;part3;");
  });

  it("readWhole keeps an answer without a body as it is", async () => {
    const response = new Response(null, { status: 204 });
    expect(await readWhole(response)).toBe(response);
    expect(response.body).toBeNull();
  });
});
