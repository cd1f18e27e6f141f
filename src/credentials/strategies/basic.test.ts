import { describe, expect, it } from 'vitest';
import { basic, zendeskToken } from './basic.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('basic and zendeskToken', () => {
  it('encodes user:password as UTF-8 base64', async () => {
    const req = request('GET', 'https://example.com/');
    const strategy = basic({ username: 'Aladdin', password: 'open sesame' });
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(strategy.secrets()).toEqual(expect.arrayContaining(['open sesame', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==']));
    expect(strategy.secrets()).not.toContain('Aladdin');
  });

  it('sends Zendesk API tokens as {email}/token:{token}', async () => {
    const req = request('GET', 'https://acme.zendesk.com/api/v2/tickets.json');
    await zendeskToken({ email: 'agent@acme.com', apiToken: 'tok123' }).authorize(req);
    expect(req.headers.Authorization).toBe(`Basic ${b64('agent@acme.com/token:tok123')}`);
  });

  it('refuses a colon in the user name without echoing the password', async () => {
    const error = await expectFailureWithoutCanary(() => basic({ username: 'a:b', password: CANARY }));
    expect(error.message).toContain('username must not contain ":"');
    await expectFailureWithoutCanary(() => zendeskToken({ email: 'x@y.z', apiToken: '' }));
  });
});
