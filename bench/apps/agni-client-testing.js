import { createMockAgni } from "agni-client/testing";
export const mock = (options) => createMockAgni(options);
