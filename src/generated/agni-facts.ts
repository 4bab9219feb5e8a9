// Generated from openapi/agni.yaml by scripts/generate.ts: run `npm run generate`.
// Do not make direct changes to the file.

/** What the call helpers check in each request body they build, by operation. */
export const operationFacts = {
  "POST /api/v1/calling/create-call": {
    request: {
      fields: [
        "type",
        "agent_id",
        "from_phone_number",
        "to_phone_number",
        "metadata",
        "prompt_dynamic_variables",
      ],
      required: ["type", "agent_id", "from_phone_number", "to_phone_number"],
      enums: { type: ["web_call", "outbound_call"] },
      objects: ["metadata", "prompt_dynamic_variables"],
    },
  },
} as const;

/** Where the API key goes (`securitySchemes`): the header's name, and its place. */
export const apiKeyHeader = { name: "X-Api-Key", in: "header" } as const;
