const EXIT_CODES = `Exit codes:
  0  done
  1  usage or configuration: an unknown command or flag, no AGNI_API_KEY, a bad base URL
  2  bad input, nothing sent: a missing or bad flag (every problem is listed)
  3  the API answered with an error (status, code and request id shown)
  4  network failure or time-out (says whether trying again could place a second call)`;

const CALL_COMMON = `  --metadata JSON          a JSON object stored with the call, such as '{"ticket":"T-1001"}'
  --var name=value         a prompt variable; repeat for more
  --base-url URL           the API's URL (default AGNI_BASE_URL, else https://api.ravan.ai)
  --timeout-ms N           limit for each attempt, in ms (default 60000)
  --idempotency-key KEY    sent as Idempotency-Key, the same on every attempt
  --json                   print exactly one JSON object on stdout: the result, or
                           { "error": { "name", "message", "status", "safeToRetry" } }
  -h, --help               show this help

Environment:
  AGNI_API_KEY             your API key (required; never printed)
  AGNI_BASE_URL            the API's URL, when --base-url is not given

${EXIT_CODES}`;

/**
 * `agni-client --help`.
 *
 * @example
 * out.stdout(MAIN_HELP);
 */
export const MAIN_HELP = `Usage: agni-client <command> [flags]

Commands:
  mock                     serve a local mock of the Agni API (no key, no network)
  call web                 create a web call (LiveKit room and token)
  call outbound            place a phone call

Flags:
  -h, --help               show help (also "agni-client <command> --help")
  --version                print the version

${EXIT_CODES}
`;

/**
 * `agni-client mock --help`.
 *
 * @example
 * out.stdout(MOCK_HELP);
 */
export const MOCK_HELP = `Usage: agni-client mock [flags]

Serves a mock of the Agni API over HTTP, for development without a key. Logs one line per
request; Ctrl-C (or SIGTERM) stops it.

Flags:
  --port N                 port to listen on (default 4010; 0 picks a free one)
  --host HOST              interface to listen on (default 127.0.0.1; anything beyond
                           loopback makes the mock reachable from other machines)
  --api-key KEY            the only key accepted (default: any non-empty key)
  --shape flat|envelope    answer as the spec documents (flat, default) or in { data }
  --latency-ms N           wait this long before each answer (default 0)
  -h, --help               show this help

Then, in another shell:
  AGNI_BASE_URL=http://127.0.0.1:4010 AGNI_API_KEY=test agni-client call web --agent a1

${EXIT_CODES}
`;

/**
 * `agni-client call --help`.
 *
 * @example
 * out.stdout(CALL_HELP);
 */
export const CALL_HELP = `Usage: agni-client call web --agent ID [flags]
       agni-client call outbound --agent ID --from E164 --to E164 [flags]

Creates a call through the Agni API. See "agni-client call web --help" and
"agni-client call outbound --help".

${EXIT_CODES}
`;

/**
 * `agni-client call web --help`.
 *
 * @example
 * out.stdout(CALL_WEB_HELP);
 */
export const CALL_WEB_HELP = `Usage: agni-client call web --agent ID [flags]

Creates a web call and prints its session id, room, LiveKit url and token (shortened).

Flags:
  --agent ID               the agent to talk to (required)
${CALL_COMMON}
`;

/**
 * `agni-client call outbound --help`.
 *
 * @example
 * out.stdout(CALL_OUTBOUND_HELP);
 */
export const CALL_OUTBOUND_HELP = `Usage: agni-client call outbound --agent ID --from E164 --to E164 [flags]

Places a phone call from one of your Agni numbers and prints its session id and room.

Flags:
  --agent ID               the agent that speaks (required)
  --from E164              your Agni number, such as +14157774444 (required)
  --to E164                the number to call, such as +12137774445 (required)
${CALL_COMMON}
`;
