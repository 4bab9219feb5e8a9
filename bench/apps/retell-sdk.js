import Retell from "retell-sdk";
export const call = (params) => new Retell({ apiKey: "k" }).call.createPhoneCall(params);
