import type { ZodType } from 'zod';
import type { ErrorKind, FieldError } from './errors.js';
import type { RetryPolicy } from './retry-policy.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

/** The request as the auth strategy sees it, just before it goes out. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** What the executor needs of an auth strategy (src/credentials/strategies implements it). */
export interface RequestAuthorizer {
  readonly type: string;
  authorize(req: OutgoingRequest): Promise<void>;
  secrets(): string[];
  /** Drops a cached token or session; called after a 401 so the next call obtains a fresh one. */
  invalidate?(): void;
}

export interface HttpRequest<T = unknown> {
  /** @default 'GET' */
  method?: HttpMethod;
  /** An absolute URL, or a path joined to the executor's base URL. */
  url: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string | number | boolean | undefined> | URLSearchParams;
  /** Sent as is. */
  body?: string;
  /** @default the executor's timeout (10 s) */
  timeoutMs?: number;
  /** Per-call retry overrides; `false` sends once. */
  retry?: Partial<RetryPolicy> | false;
  /** Sent in the connector's idempotency header; also makes a POST safe to retry after a timeout. */
  idempotencyKey?: string;
  /** A POST that only reads (search, batch read) is safe to replay after a timeout. @default false */
  replayable?: boolean;
  /** Parses a successful body: a vendor that changes shape gives a named error, not `undefined`. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** @default true; false for calls that carry their own credentials (token endpoints). */
  authenticate?: boolean;
}

/** What a vendor's error body says, parsed by the connector's hook. */
export interface VendorErrorDetails {
  message?: string;
  code?: string;
  fields?: FieldError[];
  /** Overrides the status-based kind (e.g. a 400 that really means an expired token). */
  kind?: ErrorKind;
}

export interface VendorResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type VendorErrorParser = (response: VendorResponse) => VendorErrorDetails | undefined;

/**
 * Quirks where the status lies: Slack answers 200 `{ ok: false }`. Returning a kind marks the
 * response as failed with that kind; undefined keeps the status-based verdict.
 */
export type VendorOutcomeClassifier = (response: VendorResponse) => ErrorKind | undefined;
