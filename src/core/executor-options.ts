import type { Logger } from 'pino';
import type { BreakerOptions, BreakerRegistry } from './breaker.js';
import type { EgressPolicy } from './egress/index.js';
import type { RequestAuthorizer, VendorErrorParser, VendorOutcomeClassifier } from './http-types.js';
import type { RateLimit, RateLimiter } from './rate-limiter.js';
import type { ResetHeader, RetryPolicy } from './retry-policy.js';

export interface ExecutorOptions {
  /** Names the connector in logs and errors. */
  connectorId: string;
  /** The breaker and the default rate-limit bucket are per connection. */
  connectionKey: string;
  baseUrl?: string;
  egress: EgressPolicy;
  auth?: RequestAuthorizer;
  /** Extra values to scrub (besides those the auth strategy knows). */
  secrets?: string[];
  /** @default 10_000 */
  timeoutMs?: number;
  /** @default DEFAULT_RETRY_POLICY */
  retry?: Partial<RetryPolicy>;
  /** @default DEFAULT_BREAKER_OPTIONS */
  breaker?: Partial<BreakerOptions>;
  /** @default sharedBreakers (process-wide) */
  breakers?: BreakerRegistry;
  /** The vendor's declared limit; none means no client-side limiting. */
  rateLimit?: RateLimit;
  rateLimiter?: RateLimiter;
  /** Vendors count per account or per app, not per connection. @default `${connectorId}:${connectionKey}` */
  rateLimitKey?: string;
  resetHeader?: ResetHeader;
  /** @default 'Idempotency-Key' */
  idempotencyHeader?: string;
  errorParser?: VendorErrorParser;
  classifyOutcome?: VendorOutcomeClassifier;
  /** @default 5 */
  maxRedirects?: number;
  /** @default silent */
  logger?: Logger;
  /** Headers sent on every call (User-Agent, API version pins). */
  defaultHeaders?: Record<string, string>;
  /** Cancels every call of this executor (a sync run being stopped). */
  signal?: AbortSignal;
  random?: () => number;
}
