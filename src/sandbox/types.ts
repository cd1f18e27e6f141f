/**
 * The shapes a vendor sandbox works with. Deliberately plain data (no node:http objects) so
 * handlers stay small, testable without a socket, and identical whatever vendor they imitate.
 */

/** What a handler sees of one request. `P` is whatever the server's auth hook returned. */
export interface SandboxRequest<P = unknown> {
  /** Upper-case HTTP method. */
  method: string;
  /** Path without the query string, as sent (still percent-encoded). */
  path: string;
  /** Path and query string exactly as sent. */
  url: string;
  /** `http://127.0.0.1:PORT`, for vendors whose next links are absolute URLs. */
  baseUrl: string;
  /** Route parameters, already percent-decoded by the router. */
  params: Record<string, string>;
  /** First value of each query parameter: what most vendors read. */
  query: Record<string, string>;
  /** Every query value, for vendors with repeated keys (`properties=a&properties=b`). */
  searchParams: URLSearchParams;
  /** Lower-cased names; repeated headers joined with `, ` as HTTP allows. */
  headers: Record<string, string>;
  rawBody: Buffer;
  /**
   * JSON bodies parsed; `application/x-www-form-urlencoded` bodies as an object (repeated keys
   * become arrays, brackets are NOT expanded: Stripe-style `metadata[k]` stays a flat key);
   * anything else `undefined` (read `rawBody`).
   */
  body: unknown;
  /** The principal returned by the auth hook; `undefined` on public routes or without a hook. */
  auth: P;
}

/** What a handler answers. */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  /**
   * A string is sent as text, a Buffer/Uint8Array as bytes, `undefined` as no body, anything
   * else as JSON. A `content-type` header, when given, always wins.
   */
  body?: unknown;
}

export type SandboxHandler<P = unknown> = (req: SandboxRequest<P>) => SandboxResponse | Promise<SandboxResponse>;

/** One entry of the server's request log, recorded when the request arrives. */
export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed body, or the text of an unparsed one, or `undefined` when empty. */
  body: unknown;
  /** Status sent; `undefined` while pending and when no answer was ever sent (reset, hang). */
  status: number | undefined;
  /** Clock time at arrival, epoch ms. */
  time: number;
  /** The injected fault that shaped this answer, if any. */
  fault?: string;
  /** Message of an unexpected handler error (answered as 500). */
  error?: string;
}
