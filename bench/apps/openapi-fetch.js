import createClient from "openapi-fetch";
export const call = (body) =>
  createClient({ baseUrl: "https://api.ravan.ai" }).POST("/api/v1/calling/create-call", { body });
