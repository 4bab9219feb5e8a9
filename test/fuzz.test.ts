/**
 * Property-based tests: random input to both helpers either produces a request the spec
 * accepts or an AgniValidationError with nothing sent; never another exception, never a
 * request with an invalid phone number. The accepted bodies then go to Prism, an independent
 * validator of openapi/agni.yaml.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgniValidationError, createAgniClient, E164_PATTERN } from "../src/index.js";
import { checkCreateCallBody } from "../src/testing/index.js";
import { API_KEY } from "./helpers/fixtures.js";
import { startPrism, type Prism } from "./helpers/prism.js";
import { CREATED } from "./helpers/test-server.js";

const RUNS = 1_000;

// Weighted towards valid values, so that a fair share of runs reaches the request.
const phone = fc.oneof(
  { arbitrary: fc.stringMatching(/^\+[1-9]\d{1,14}$/), weight: 8 },
  fc.stringMatching(/^\+?[0-9 ()\-.]{0,18}$/),
  fc.string(),
  fc.constantFrom(undefined, null, "", "+", "+0123456", "+1234567890123456", 14157774444),
);
const agentId = fc.oneof(
  { arbitrary: fc.string({ minLength: 1 }), weight: 3 },
  { arbitrary: fc.uuid(), weight: 3 },
  fc.constantFrom(undefined, null, "", "   ", 42, ["a"]),
);
const freeForm = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.dictionary(fc.string(), fc.jsonValue()), weight: 3 },
  fc.dictionary(fc.string(), fc.anything({ withDate: true, withMap: true, withBigInt: true })),
  fc.jsonValue(),
  fc.anything(),
);
const extras = fc.oneof(
  { arbitrary: fc.constant({}), weight: 6 },
  fc.dictionary(fc.constantFrom("type", "agentId", "color", "from_phone_number"), fc.anything()),
);
const params = fc
  .record({
    agent_id: agentId,
    from_phone_number: phone,
    to_phone_number: phone,
    metadata: freeForm,
    prompt_dynamic_variables: freeForm,
    extra: extras,
  })
  .map(({ extra, ...fields }) => {
    // Drop undefined fields some of the time, as a caller would omit them.
    const picked = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return { ...picked, ...extra } as Record<string, unknown>;
  });
// Mostly without numbers, sometimes with them (refused); drawn by fast-check, so runs replay.
const webParams = fc.tuple(params, fc.integer({ min: 0, max: 9 })).map(([p, draw]) => {
  const { from_phone_number: _f, to_phone_number: _t, ...rest } = p;
  return draw > 0 ? rest : p;
});

/** A client whose fetch records bodies; returns it and the recorded list. */
function recordingClient() {
  const sent: Record<string, unknown>[] = [];
  const agni = createAgniClient({
    apiKey: API_KEY,
    fetch: async (request) => {
      sent.push(await request.json());
      return Response.json(CREATED);
    },
  });
  return { agni, sent };
}

/**
 * Runs one helper call through a recording client. A refusal must be an AgniValidationError
 * with nothing sent (then `undefined` is returned); anything else must have sent exactly one
 * body, which is returned.
 */
async function sentBodyOrRefusal(
  call: (agni: ReturnType<typeof recordingClient>["agni"]) => Promise<unknown>,
): Promise<Record<string, unknown> | undefined> {
  const { agni, sent } = recordingClient();
  try {
    await call(agni);
  } catch (error) {
    expect(error).toBeInstanceOf(AgniValidationError);
    expect(sent).toHaveLength(0);
    return undefined;
  }
  expect(sent).toHaveLength(1);
  const body = sent[0]!;
  expect(checkCreateCallBody(body)).toEqual([]);
  return body;
}

describe("random input to the helpers", () => {
  it(`createOutboundCall: a valid request or AgniValidationError (${RUNS} runs)`, async () => {
    let sentCount = 0;
    await fc.assert(
      fc.asyncProperty(params, async (input) => {
        const body = await sentBodyOrRefusal((agni) =>
          agni.calls.createOutboundCall(input as never),
        );
        if (body === undefined) return;
        expect(body["type"]).toBe("outbound_call");
        expect(body["from_phone_number"]).toMatch(E164_PATTERN);
        expect(body["to_phone_number"]).toMatch(E164_PATTERN);
        expect(body["agent_id"]).toBe(input["agent_id"]);
        expect(JSON.stringify(body["metadata"])).toBe(JSON.stringify(input["metadata"]));
        sentCount += 1;
      }),
      { numRuns: RUNS },
    );
    expect(sentCount).toBeGreaterThan(RUNS / 20); // the generators reach the accepting path
  });

  it(`createWebCall: a valid request or AgniValidationError (${RUNS} runs)`, async () => {
    let sentCount = 0;
    await fc.assert(
      fc.asyncProperty(webParams, async (input) => {
        const body = await sentBodyOrRefusal((agni) => agni.calls.createWebCall(input as never));
        if (body === undefined) return;
        expect(body).toMatchObject({
          type: "web_call",
          from_phone_number: "",
          to_phone_number: "",
        });
        expect(JSON.stringify(body["prompt_dynamic_variables"])).toBe(
          JSON.stringify(input["prompt_dynamic_variables"]),
        );
        sentCount += 1;
      }),
      { numRuns: RUNS },
    );
    expect(sentCount).toBeGreaterThan(RUNS / 20);
  });
});

describe("Prism accepts every body the helpers sent", () => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism();
  }, 60_000);
  afterAll(() => prism?.stop());

  it("answers 200 to each", async () => {
    // Drawn here, from a fixed seed, so that this test stands alone (and replays).
    const accepted: unknown[] = [];
    for (const input of fc.sample(params, { numRuns: RUNS, seed: 20261124 })) {
      const body = await sentBodyOrRefusal((agni) => agni.calls.createOutboundCall(input as never));
      if (body !== undefined) accepted.push(body);
    }
    expect(accepted.length).toBeGreaterThan(RUNS / 20);
    const statuses: number[] = [];
    const queue = [...accepted];
    const worker = async () => {
      for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
        const response = await fetch(`${prism.url}/api/v1/calling/create-call`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": API_KEY },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(statuses).toHaveLength(accepted.length);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 60_000);
});
