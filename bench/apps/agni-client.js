import { createAgniClient } from "agni-client";
export const call = (params) => createAgniClient({ apiKey: "k" }).calls.createOutboundCall(params);
