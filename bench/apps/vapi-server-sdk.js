import { VapiClient } from "@vapi-ai/server-sdk";
export const call = (params) => new VapiClient({ token: "k" }).calls.create(params);
