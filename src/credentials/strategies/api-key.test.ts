import { describe, expect, it } from 'vitest';
import { apiKey } from './api-key.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('apiKey', () => {
  it('puts the key in a named header, with an optional verbatim prefix', async () => {
    const req = request('GET', 'https://api.example.com/v1', { authorization: 'stale' });
    await apiKey({ key: 'k1', placement: 'header', name: 'X-API-Key' }).authorize(req);
    expect(req.headers['X-API-Key']).toBe('k1');
    await apiKey({ key: 'k2', placement: 'header', name: 'Authorization', prefix: 'Token token=' }).authorize(req);
    expect(req.headers).toEqual({ 'X-API-Key': 'k1', Authorization: 'Token token=k2' });
  });

  it('puts the key in a query parameter, keeping the others', async () => {
    const req = request('GET', 'https://api.example.com/v1?limit=10');
    await apiKey({ key: 'a b&c', placement: 'query', name: 'api_key' }).authorize(req);
    expect(req.url.searchParams.get('api_key')).toBe('a b&c');
    expect(req.url.searchParams.get('limit')).toBe('10');
  });

  it('sends the key as the Basic user with an empty password, as Stripe does', async () => {
    const req = request('GET', 'https://api.stripe.com/v1/customers');
    const strategy = apiKey({ key: 'sk_test_123', placement: 'basic_user' });
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe(`Basic ${b64('sk_test_123:')}`);
    expect(strategy.secrets()).toContain(b64('sk_test_123:'));
  });

  it('lists the key in every spelling it takes on the wire', () => {
    expect(apiKey({ key: 'a b', placement: 'query', name: 'k' }).secrets()).toEqual(expect.arrayContaining(['a b', 'a%20b', 'a+b']));
  });

  it('refuses a header key with a line break without echoing it', async () => {
    const error = await expectFailureWithoutCanary(() => apiKey({ key: `${CANARY}\r\nX-Evil: 1`, placement: 'header', name: 'X-API-Key' }));
    expect(error.message).toMatch(/apiKey: invalid configuration: key must not contain control characters/);
  });

  it('refuses a missing or malformed header name', async () => {
    const error = await expectFailureWithoutCanary(() => apiKey({ key: CANARY, placement: 'header', name: '' }));
    expect(error.message).toContain('name must be a valid HTTP header name');
    await expectFailureWithoutCanary(() => apiKey({ key: CANARY, placement: 'header', name: 'X-Key: a\r\nX-Other' }));
  });
});
