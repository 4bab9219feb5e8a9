// The bench's create-call server: a separate process on 127.0.0.1 that answers every POST with
// the documented body; under /hold/ it answers only after HOLD_MS, so that calls stay in flight
// for the memory figure. Prints its port, then serves until its parent closes stdin.
import { createServer } from "node:http";

const HOLD_MS = 2_000;
const body = JSON.stringify({
  success: true,
  message: "call created successfully",
  access_token: "lk-token",
  room_id: "call_019eb7e0-075d-742b-91ea-94cddde0534a",
  session_id: "019eb7e0-075d-742b-91ea-94cddde0534a",
  url: "wss://agni.livekit.example",
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const answer = () => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    };
    if (req.url?.startsWith("/hold/")) setTimeout(answer, HOLD_MS);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: "127.0.0.1", backlog: 2048 }, () => {
  console.log(server.address().port);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
