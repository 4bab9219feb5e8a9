// Node ESM `import`, also run by Deno and Bun: prints the scenario's result as JSON.
import * as agni from "agni-client";
import runScenario from "./scenario.cjs";

const options = JSON.parse(globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2]);
console.log(JSON.stringify(await runScenario(agni, options)));
