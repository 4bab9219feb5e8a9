import type { HeaderRecord } from "../support/header-record.js";
import type { Redact } from "../support/redact.js";

/** A request as the client sends it: plain data. */
export interface OutgoingRequest {
  method: string;
  /** Absolute URL, query included. */
  url: string;
  /** Lower-case names; the transport adds or removes `x-api-key` per destination. */
  headers: HeaderRecord;
  /** Sent again as it is on every attempt and redirect. */
  body: string | ArrayBuffer | null;
  /** The caller's signal; an abort rejects with its reason. */
  signal?: AbortSignal | undefined;
}

/** Per-request settings the transport honours over the client's. */
export interface SendLimits {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/** Reads a response's body; the transport calls it inside the attempt's time limit. */
export type ReadBody<Body> = (response: Response) => Promise<Body>;

/** The final answer, its body read, and what the transport knows of the attempts behind it. */
export interface Exchange<Body> {
  /** Status and headers of the answer (its body is in `body`). */
  response: Response;
  body: Body;
  /** How many times the request was sent. */
  attempts: number;
  /** Whether an attempt before the last may have taken effect (a time-out, a reset, a 5xx). */
  earlierAttemptMayHaveTakenEffect: boolean;
  /** Hides every secret the request carried, for whatever is shown of this exchange. */
  redact: Redact;
}

/** The client's only way to the network. */
export interface Transport {
  /**
   * Sends a request, retries included, and returns the answer with its body read; rejects with
   * a typed error on network failures, time-outs and refused redirects, or with the caller's
   * abort reason.
   */
  send<Body>(
    request: OutgoingRequest,
    limits: SendLimits,
    read: ReadBody<Body>,
  ): Promise<Exchange<Body>>;
  /** The redaction for a request carrying `requestKey` in `X-Api-Key` (and the client's keys). */
  redactionFor(requestKey: string | null | undefined): Redact;
}
