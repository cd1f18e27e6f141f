/** The request the HTTP executor is about to send; strategies mutate it in place. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface AuthStrategy {
  readonly type: string;
  /** Adds authentication to the request in place (headers, query); may fetch/refresh a token. */
  authorize(req: OutgoingRequest): Promise<void>;
  /** Every secret value this strategy knows, so the scrubber can remove them from any text. */
  secrets(): string[];
  /**
   * Drops a cached token or session so the next `authorize` obtains a fresh one. The executor
   * calls it after a 401 on a request this strategy authorised. Absent on stateless strategies.
   */
  invalidate?(): void;
}

/** What the executor's token call returns: the status and the body (parsed JSON, or raw text). */
export interface TokenHttpResponse {
  status: number;
  body: unknown;
}

/**
 * POSTs an `application/x-www-form-urlencoded` form to a token endpoint. Injected so strategies
 * stay pure and the real call goes through the executor (egress guard, timeout, scrubbing).
 * `headers` carries client authentication when the client uses HTTP Basic.
 */
export type FetchToken = (
  url: string,
  form: URLSearchParams,
  headers?: Record<string, string>,
) => Promise<TokenHttpResponse>;

/** Milliseconds since the epoch; injected so expiry logic is testable. @default Date.now */
export type Clock = () => number;
