// Cloudflare Worker (workerd): POST the scenario's options, get its result.
import * as agni from "agni-client";
import runScenario from "./scenario.cjs";

export default {
  async fetch(request) {
    return Response.json(await runScenario(agni, await request.json()));
  },
};
