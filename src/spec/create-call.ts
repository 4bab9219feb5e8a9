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
 * A call type the spec's enum allows.
 *
 * @example
 * const type: CallType = "outbound_call";
 */
export type CallType = CreateCallRequest["type"];

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Fails to compile unless `Listed` names every member of `All` (so a spec change is caught). */
type AssertComplete<All, Listed extends All> = [All] extends [Listed] ? true : never;

/**
 * Runtime copies of facts in the spec, checked against the generated types at compile time:
 * regenerating from a spec that adds a field, a required field or a call type breaks the build
 * here until these lists follow.
 */
export const CALL_TYPES = ["web_call", "outbound_call"] as const satisfies readonly CallType[];
export const REQUEST_FIELDS = [
  "type",
  "agent_id",
  "from_phone_number",
  "to_phone_number",
  "metadata",
  "prompt_dynamic_variables",
] as const satisfies readonly (keyof CreateCallRequest)[];
export const REQUIRED_REQUEST_FIELDS = [
  "type",
  "agent_id",
  "from_phone_number",
  "to_phone_number",
] as const satisfies readonly RequiredKeys<CreateCallRequest>[];

/** Object fields of the request (`type: object` in the spec). */
export const OBJECT_REQUEST_FIELDS = [
  "metadata",
  "prompt_dynamic_variables",
] as const satisfies readonly (keyof CreateCallRequest)[];

const specListsAreComplete: [
  AssertComplete<CallType, (typeof CALL_TYPES)[number]>,
  AssertComplete<keyof CreateCallRequest, (typeof REQUEST_FIELDS)[number]>,
  AssertComplete<RequiredKeys<CreateCallRequest>, (typeof REQUIRED_REQUEST_FIELDS)[number]>,
] = [true, true, true];
void specListsAreComplete;
