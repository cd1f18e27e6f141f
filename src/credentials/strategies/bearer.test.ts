import { describe, expect, it } from 'vitest';
import { bearer } from './bearer.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';

describe('bearer', () => {
  it('sets Authorization: Bearer, replacing any other spelling of the header', async () => {
    const req = request('GET', 'https://example.com/', { AUTHORIZATION: 'old' });
    await bearer({ token: 'abc' }).authorize(req);
    expect(req.headers).toEqual({ Authorization: 'Bearer abc' });
  });

  it('refuses an empty or multi-line token without echoing it', async () => {
    expect((await expectFailureWithoutCanary(() => bearer({ token: '' }))).message).toContain('token is required');
    await expectFailureWithoutCanary(() => bearer({ token: `${CANARY}\n` }));
  });
});
