/**
 * The Cloud API's send limits (developers.facebook.com, Cloud API "Throughput" and "Pair rate
 * limits"): 80 messages a second per business phone number by default, and to one recipient
 * about one message every 6 seconds with bursts of up to 45. Both are refused with a 400 whose
 * code says which (130429, 131056). Every answer reports usage in `x-business-use-case-usage`
 * (per WhatsApp Business Account: `call_count` as a percentage, `estimated_time_to_regain_access`
 * in minutes), the header Graph uses.
 */
import { RateLimiter, type Clock, type RateLimitState, type SandboxRequest } from '../../../src/sandbox/index.js';
import { pairLimited, throughputLimited } from './errors.js';

export interface LimitOptions {
  /** Messages a second per business phone number; false turns it off. @default 80 */
  throughputPerSecond?: number | false;
  /** Messages to one recipient in `pairWindowMs`; false turns it off. @default 45 */
  pairBurst?: number | false;
  /** @default 6_000 */
  pairWindowMs?: number;
}

const isSend = (req: SandboxRequest) => req.method === 'POST' && req.path.endsWith('/messages');
const recipient = (req: SandboxRequest) => String((req.body as { to?: unknown } | undefined)?.to ?? '').replace(/\D/g, '');

export function usageHeader(wabaId: string, state: RateLimitState): Record<string, string> {
  const usage = [{
    type: 'whatsapp', call_count: Math.min(100, Math.round((state.used / state.limit) * 100)), total_cputime: 1, total_time: 1,
    estimated_time_to_regain_access: state.limited ? Math.max(1, Math.ceil(state.retryAfterMs / 60_000)) : 0,
  }];
  return { 'x-business-use-case-usage': JSON.stringify({ [wabaId]: usage }) };
}

export function whatsappLimiters(clock: Clock, wabaId: string, options: LimitOptions = {}): RateLimiter[] {
  const limiters: RateLimiter[] = [];
  if (options.throughputPerSecond !== false) {
    limiters.push(new RateLimiter({
      limit: options.throughputPerSecond ?? 80, windowMs: 1000, clock, match: isSend, key: (req) => req.params.phoneNumberId ?? '',
      headers: (state) => usageHeader(wabaId, state),
      onLimited: (state) => ({ ...throughputLimited(), headers: { ...throughputLimited().headers, ...usageHeader(wabaId, state) } }),
    }));
  }
  if (options.pairBurst !== false) {
    limiters.push(new RateLimiter({
      limit: options.pairBurst ?? 45, windowMs: options.pairWindowMs ?? 6000, window: 'sliding', clock, match: isSend,
      key: (req) => `${req.params.phoneNumberId ?? ''}:${recipient(req)}`, onLimited: () => pairLimited(),
    }));
  }
  return limiters;
}
