// Node CJS `require`: prints the scenario's result as JSON.
const agni = require("agni-client");
const runScenario = require("./scenario.cjs");

runScenario(agni, JSON.parse(process.argv[2])).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
