/**
 * The layering of src/, checked in `npm test` (`npm run lint:architecture`). Data flows one way:
 * config → transport → calls, wired by client.ts; errors, validation, support and spec are
 * leaves that import nothing above them; only transport/ touches the network.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle hides which module owns what.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "leaves-stay-leaves",
      severity: "error",
      comment:
        "errors, validation, support and spec import nothing from transport, calls, config or the client.",
      from: { path: "^src/(errors|validation|support|spec)/" },
      to: { path: "^src/(transport|calls|config|testing|client\\.ts|index\\.ts)" },
    },
    {
      name: "config-below-transport",
      severity: "error",
      comment: "config resolves options into data; it knows nothing of sending or calls.",
      from: { path: "^src/config/" },
      to: { path: "^src/(transport|calls|testing|client\\.ts)" },
    },
    {
      name: "transport-below-calls",
      severity: "error",
      comment: "transport sends whatever it is given; it knows nothing of the endpoints.",
      from: { path: "^src/transport/" },
      to: { path: "^src/(calls|testing|client\\.ts)" },
    },
    {
      name: "library-without-testing",
      severity: "error",
      comment: "The mock is a separate entry; the client never imports it (the CLI serves it).",
      from: { path: "^src/", pathNot: "^src/(testing|cli)/" },
      to: { path: "^src/testing/" },
    },
    {
      name: "cli-through-public-entries",
      severity: "error",
      comment:
        "The bin uses the library as users do: through src/index.ts and src/testing/index.ts.",
      from: { path: "^src/cli/" },
      to: { path: "^src/", pathNot: "^src/(cli/|index\\.ts$|testing/index\\.ts$)" },
    },
    {
      name: "server-through-the-public-entry",
      severity: "error",
      comment: "agni-client/server uses the client as users do: through src/index.ts.",
      from: { path: "^src/server/" },
      to: { path: "^src/", pathNot: "^src/(server/|index\\.ts$)" },
    },
    {
      name: "nothing-imports-the-cli",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "generated-is-a-leaf",
      severity: "error",
      from: { path: "^src/generated/" },
      to: { path: "^src/", pathNot: "^src/generated/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
