/**
 * When to try again and how long to wait: exponential backoff with full jitter (AWS architecture
 * blog), never sooner than the vendor asked (Retry-After or its declared reset header), bounded
 * by attempts and by total time.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. @default 5 */
  maxAttempts: number;
  /** No retry is started when it would end past this budget (Zendesk asks for up to a minute). @default 120_000 */
  maxElapsedMs: number;
  /** @default 250 */
  baseDelayMs: number;
  /** @default 20_000 */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, maxElapsedMs: 120_000, baseDelayMs: 250, maxDelayMs: 20_000 };

/**
 * A vendor's own "wait until" header, declared in its definition
 * (GitHub: `x-ratelimit-reset` as epoch seconds; Zendesk: `ratelimit-reset` as seconds remaining;
 * HubSpot: its window's length in milliseconds).
 */
export interface ResetHeader {
  name: string;
  unit: 'seconds' | 'milliseconds' | 'epoch_seconds' | 'epoch_milliseconds';
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function parseResetHeader(headers: Record<string, string>, reset: ResetHeader | undefined, now: number = Date.now()): number | undefined {
  if (!reset) return undefined;
  const raw = headers[reset.name.toLowerCase()];
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  switch (reset.unit) {
    case 'seconds': return Math.ceil(value * 1000);
    case 'milliseconds': return Math.ceil(value);
    case 'epoch_seconds': return Math.max(0, value * 1000 - now);
    case 'epoch_milliseconds': return Math.max(0, value - now);
  }
}

/** The wait the vendor asked for, from Retry-After first, then the declared reset header. */
export function vendorWaitMs(headers: Record<string, string>, reset?: ResetHeader, now: number = Date.now()): number | undefined {
  return parseRetryAfter(headers['retry-after'], now) ?? parseResetHeader(headers, reset, now);
}

/** Full jitter: uniform in [0, min(cap, base · 2^attempt)). `attempt` counts from 0. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** The delay before the next attempt: the larger of the jittered backoff and the vendor's ask. */
export function nextDelayMs(attempt: number, policy: RetryPolicy, vendorAskMs: number | undefined, random?: () => number): number {
  return Math.max(backoffDelayMs(attempt, policy, random), vendorAskMs ?? 0);
}
