/**
 * Twilio limits REST concurrency per account (about 100 requests in flight) and answers 429
 * with error 20429, "never processed and always safe to retry" (twilio.com/docs/api/errors/20429).
 * Every answer reports `Twilio-Concurrent-Requests`. The stand-in's handlers answer at once, so
 * true concurrency never builds up: requests per second stand in for requests in flight.
 */
import { RateLimiter, type Clock, type SandboxRequest } from '../../../src/sandbox/index.js';
import { tooManyRequests } from './errors.js';

export function twilioLimiters(clock: Clock, perSecond: number | false): RateLimiter[] {
  if (perSecond === false) return [];
  return [new RateLimiter({
    limit: perSecond, windowMs: 1000, clock, key: (req: SandboxRequest) => req.params.accountSid ?? '',
    headers: (state) => ({ 'twilio-concurrent-requests': String(state.used) }),
    onLimited: (state) => ({ ...tooManyRequests(), headers: { ...tooManyRequests().headers, 'twilio-concurrent-requests': String(state.used) } }),
  })];
}
