import { operationFacts } from "../generated/agni-facts.js";
import type { components } from "../generated/agni.js";

/**
 * The create-call request body, as the generated schema types it.
 *
 * @example
 * const body: CreateCallRequest = { type: "web_call", agent_id, from_phone_number: "", to_phone_number: "" };
 * await agni.raw.POST("/api/v1/calling/create-call", { body });
 */
export type CreateCallRequest = components["schemas"]["CreateCallRequest"];

/**
 * The create-call response body, as the generated schema types it.
 *
 * @example
 * const { data } = await agni.raw.POST("/api/v1/calling/create-call", { body });
 * const answer: CreateCallResponse | undefined = data;
 */
export type CreateCallResponse = components["schemas"]["CreateCallResponse"];

/**
 * A create-call field that the wrapper's own code names: `F` while the spec has it. Once a spec
 * update renames or drops it, a message saying what to change, so that the build fails where
 * the name is written (`"agent_id" satisfies RequestField<"agent_id">`).
 */
export type RequestField<F extends string> = F extends keyof CreateCallRequest
  ? F
  : `openapi/agni.yaml has no create-call field "${F}" any more: change this code to the spec's new name for it (see the spec:update report)`;

/**
 * A call type the spec's enum allows.
 *
 * @example
 * const type: CallType = "outbound_call";
 */
export type CallType = CreateCallRequest["type"];

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Fails to compile unless `A` and `B` are the same union. */
type AssertSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

// Stryker disable next-line StringLiteral: read once at module load, before a mutant is active (static); a wrong key fails tsc
const createCall = operationFacts["POST /api/v1/calling/create-call"].request;
const TYPE = "type" satisfies RequestField<"type">;

/**
 * Run-time facts of the create-call body, generated from the spec with the types
 * (`src/generated/agni-facts.ts`): a field or call type added upstream is accepted as soon as
 * `npm run generate` (or `spec:update`) has run.
 */
export const CALL_TYPES = createCall.enums[TYPE];
export const REQUEST_FIELDS = createCall.fields;
export const REQUIRED_REQUEST_FIELDS = createCall.required;

/** Object fields of the request (`type: object` in the spec). */
export const OBJECT_REQUEST_FIELDS = createCall.objects;

// The facts and the types come from one spec; this checks that the generator reads it as
// openapi-typescript does.
// Stryker disable all: a compile-time check; its values are never read at run time
const factsMatchTypes: [
  AssertSame<CallType, (typeof CALL_TYPES)[number]>,
  AssertSame<keyof CreateCallRequest, (typeof REQUEST_FIELDS)[number]>,
  AssertSame<RequiredKeys<CreateCallRequest>, (typeof REQUIRED_REQUEST_FIELDS)[number]>,
] = [true, true, true];
// Stryker restore all
void factsMatchTypes;
