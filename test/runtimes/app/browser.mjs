// Browser page: the scenario through a same-origin proxy without a key, and the browser guard.
import * as agni from "agni-client";
import runScenario from "./scenario.cjs";

window.runScenario = async (options) => {
  const result = await runScenario(agni, options);
  let guard = null;
  try {
    agni.createAgniClient({ apiKey: "agni_sk_in_the_browser", baseUrl: "https://api.ravan.ai" });
  } catch (error) {
    guard = { name: error.name, message: error.message };
  }
  const allowed = agni.createAgniClient({
    apiKey: "agni_sk_in_the_browser",
    dangerouslyAllowBrowser: true,
    logLevel: "off",
  });
  return { ...result, guard, allowedWithFlag: typeof allowed.calls.createWebCall === "function" };
};
