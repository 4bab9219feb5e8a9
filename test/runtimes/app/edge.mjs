// Vercel edge-runtime: a fetch-event handler; POST the scenario's options, get its result.
import * as agni from "agni-client";
import runScenario from "./scenario.cjs";

addEventListener("fetch", (event) => {
  event.respondWith(
    event.request.json().then(async (options) => Response.json(await runScenario(agni, options))),
  );
});
