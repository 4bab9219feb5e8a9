// Node: serves server-app.mjs over node:http on 127.0.0.1 and prints its URL as JSON.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { createPageApp } from "./server-app.mjs";

const { agniUrl, apiKey, runtime, htmlFile, scriptFile } = JSON.parse(process.argv[2]);
const app = createPageApp({
  agniUrl,
  apiKey,
  runtime,
  html: readFileSync(htmlFile, "utf8"),
  script: readFileSync(scriptFile, "utf8"),
});

// The smallest fetch adapter: IncomingMessage in, Response out.
const server = createServer(async (req, res) => {
  const bodyless = req.method === "GET" || req.method === "HEAD";
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      [value].flat().map((v) => [name, v]),
    ),
    body: bodyless ? undefined : Readable.toWeb(req),
    duplex: "half",
  });
  const response = await app(request);
  res.writeHead(response.status, [...response.headers].flat());
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
});
