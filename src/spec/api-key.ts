import { apiKeyHeader } from "../generated/agni-facts.js";

/**
 * The header that carries the API key, as the spec's `securitySchemes` name it. The client
 * sends the key as a header: a spec that moves it elsewhere fails the build here.
 */
export const API_KEY_HEADER: string = (apiKeyHeader satisfies { in: "header" }).name;
