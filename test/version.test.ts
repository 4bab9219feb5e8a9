import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { VERSION } from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";

it("sends the name and version that package.json declares", async () => {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  expect(PACKAGE_NAME).toBe(pkg.name);
  expect(VERSION).toBe(pkg.version);
});
