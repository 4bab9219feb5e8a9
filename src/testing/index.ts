export {
  CREATE_CALL_PATH,
  checkCreateCallBody,
  type MockAgniOptions,
} from "./create-call-route.js";
export {
  createMockAgni,
  type MockAgni,
  type MockAnswer,
  type MockNetworkFailure,
  type RecordedRequest,
} from "./mock-agni.js";
export {
  startMockAgniServer,
  type MockAgniServer,
  type MockAgniServerOptions,
  type MockAgniServerRequest,
} from "./serve.js";
export { fakeLiveKitToken, uuidV7 } from "./ids.js";
