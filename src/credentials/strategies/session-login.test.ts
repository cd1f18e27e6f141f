import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { manualClock } from './fixtures/token-endpoint.js';
import { sessionLogin, type Session } from './session-login.js';
import type { OutgoingRequest } from './types.js';

const applyHeader = (req: OutgoingRequest, sessionId: string) => {
  req.headers['X-Session'] = sessionId;
};

describe('sessionLogin', () => {
  it('logs in once for concurrent callers and applies the session', async () => {
    let logins = 0;
    const strategy = sessionLogin({
      login: async () => {
        logins += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { sessionId: `s${logins}`, expiresAt: Date.now() + 3_600_000 };
      },
      apply: applyHeader,
    });
    const reqs = [request('POST', 'https://api.intacct.com/ia/xml/xmlgw.phtml'), request('POST', 'https://api.intacct.com/ia/xml/xmlgw.phtml')];
    await Promise.all(reqs.map((req) => strategy.authorize(req)));
    expect(logins).toBe(1);
    expect(reqs.map((req) => req.headers['X-Session'])).toEqual(['s1', 's1']);
    expect(strategy.secrets()).toContain('s1');
  });

  it('logs in again when the session is about to expire, or after invalidate', async () => {
    const clock = manualClock();
    let logins = 0;
    const strategy = sessionLogin({
      login: async () => ({ sessionId: `s${++logins}`, expiresAt: clock.now() + 600_000 }),
      apply: applyHeader,
      now: clock.now,
    });
    const req = request('POST', 'https://x.test/');
    await strategy.authorize(req);
    clock.advance(540_000);
    await strategy.authorize(req);
    expect(req.headers['X-Session']).toBe('s2');
    strategy.invalidate?.();
    await strategy.authorize(req);
    expect(req.headers['X-Session']).toBe('s3');
  });

  it('passes login errors through and tries again on the next call', async () => {
    let attempt = 0;
    const strategy = sessionLogin({
      login: async () => {
        if (++attempt === 1) throw new Error('vendor said no');
        return { sessionId: 's', expiresAt: Date.now() + 600_000 };
      },
      apply: applyHeader,
    });
    await expect(strategy.authorize(request('POST', 'https://x.test/'))).rejects.toThrow('vendor said no');
    await expect(strategy.authorize(request('POST', 'https://x.test/'))).resolves.toBeUndefined();
  });

  it('refuses a login result without a usable expiry, without echoing the session id', async () => {
    const strategy = sessionLogin({
      login: async () => ({ sessionId: CANARY, expiresAt: 'soon' }) as unknown as Session,
      apply: applyHeader,
    });
    const error = await expectFailureWithoutCanary(() => strategy.authorize(request('POST', 'https://x.test/')));
    expect(isAuthError(error) && error.code).toBe('session_login_invalid');
    const empty = sessionLogin({ login: async () => ({ sessionId: '', expiresAt: 1 }), apply: applyHeader });
    await expect(empty.authorize(request('POST', 'https://x.test/'))).rejects.toThrow('no session id');
  });
});
