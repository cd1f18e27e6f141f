/**
 * The stand-in's own fidelity: token-based authentication really checked (signature over method,
 * URL and query, realm, timestamp window, nonce replay, HMAC-SHA256 only), every refusal the
 * documented 401 INVALID_LOGIN with its reason in the login audit trail; concurrency governance
 * answering 429 CONCURRENCY_LIMIT_EXCEEDED; SuiteQL's header, paging limits and date rendering.
 * Requests are signed with the platform's OAuth 1.0a strategy, then sent with fetch as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauth1Hmac, type OAuth1HmacConfig } from '../../../src/credentials/strategies/index.js';
import { startNetsuiteSandbox, type NetsuiteSandbox } from './index.js';

let sandbox: NetsuiteSandbox;
beforeAll(async () => { sandbox = await startNetsuiteSandbox({ seed: { customer: 3, contact: 5 } }); });
afterAll(() => sandbox.stop());

type Signing = Partial<OAuth1HmacConfig>;

async function signed(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; signing?: Signing; tamper?: (url: URL) => void } = {}) {
  const { consumerKey, consumerSecret, tokenId, tokenSecret } = sandbox.credentials;
  const url = new URL(path, sandbox.baseUrl);
  const req = { method, url, headers: { ...options.headers } as Record<string, string> };
  await oauth1Hmac({ consumerKey, consumerSecret, token: tokenId, tokenSecret, realm: sandbox.accountId, signatureMethod: 'HMAC-SHA256', ...options.signing }).authorize(req);
  options.tamper?.(url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return fetch(url, { method, headers: { ...req.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body });
}

const lastAudit = () => sandbox.tokens.audit.at(-1)!;
const suiteql = (q: string, query = 'limit=10&offset=0', headers: Record<string, string> = { Prefer: 'transient' }) =>
  signed('POST', `/services/rest/query/v1/suiteql?${query}`, { body: { q }, headers });

describe('token-based authentication', () => {
  it('accepts a request signed with HMAC-SHA256 over method, URL and query, realm = account id', async () => {
    const res = await signed('GET', '/services/rest/record/v1/contact?limit=2&offset=0');
    expect(res.status).toBe(200);
    expect(lastAudit().status).toBe('Success');
  });

  it.each([
    ['a wrong token secret', { tokenSecret: 'f'.repeat(64) }, 'InvalidSignature'],
    ['another account as realm', { realm: '7654321' }, 'InvalidAccount'],
    ['HMAC-SHA1 (unsupported since 2023.1)', { signatureMethod: 'HMAC-SHA1' as const }, 'InvalidSignatureMethod'],
    ['a timestamp ten minutes old', { timestamp: () => String(Math.floor(Date.now() / 1000) - 600) }, 'InvalidTimestamp'],
    ['a nonce shorter than six characters', { nonce: () => 'abc' }, 'nonce_rejected'],
  ])('refuses %s with 401 INVALID_LOGIN', async (_what, signing, reason) => {
    const res = await signed('GET', '/services/rest/record/v1/contact', { signing });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, 'o:errorDetails': [{ 'o:errorCode': 'INVALID_LOGIN' }] });
    expect(lastAudit()).toMatchObject({ status: 'Failure', detail: reason });
  });

  it('refuses a request whose query was changed after signing', async () => {
    const res = await signed('GET', '/services/rest/record/v1/contact?limit=2', { tamper: (url) => url.searchParams.set('limit', '1000') });
    expect(res.status).toBe(401);
    expect(lastAudit().detail).toBe('InvalidSignature');
  });

  it('refuses a nonce and timestamp used before', async () => {
    const fixed = { nonce: () => 'replayed-nonce-1', timestamp: () => String(Math.floor(Date.now() / 1000)) };
    expect((await signed('GET', '/services/rest/record/v1/contact', { signing: fixed })).status).toBe(200);
    expect((await signed('GET', '/services/rest/record/v1/contact', { signing: fixed })).status).toBe(401);
    expect(lastAudit().detail).toBe('NonceUsed');
  });
});

describe('concurrency governance', () => {
  it('refuses requests past the account limit with 429 CONCURRENCY_LIMIT_EXCEEDED', async () => {
    const busy = await startNetsuiteSandbox({ concurrency: { limit: 2, processingMs: 150 }, randomSeed: 2 });
    try {
      const { consumerKey, consumerSecret, tokenId, tokenSecret } = busy.credentials;
      const strategy = oauth1Hmac({ consumerKey, consumerSecret, token: tokenId, tokenSecret, realm: busy.accountId, signatureMethod: 'HMAC-SHA256' });
      const send = async () => {
        const req = { method: 'GET', url: new URL('/services/rest/record/v1/contact', busy.baseUrl), headers: {} as Record<string, string> };
        await strategy.authorize(req);
        return fetch(req.url, { headers: req.headers });
      };
      const answers = await Promise.all(Array.from({ length: 5 }, send));
      const refused = answers.filter((r) => r.status === 429);
      expect(answers.filter((r) => r.status === 200)).toHaveLength(2);
      expect(refused).toHaveLength(3);
      expect(await refused[0]!.json()).toMatchObject({ status: 429, 'o:errorDetails': [{ 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' }] });
      expect(busy.gate.peak).toBe(2);
    } finally {
      await busy.stop();
    }
  });
});

describe('SuiteQL', () => {
  it('pages with limit and offset and answers { links, count, hasMore, items, offset, totalResults }', async () => {
    const res = await suiteql('SELECT contact.id, contact.email FROM contact ORDER BY contact.id', 'limit=2&offset=2');
    const body = await res.json();
    expect(body).toMatchObject({ count: 2, hasMore: true, offset: 2, totalResults: 5 });
    expect(body.items[0]).toEqual({ links: [], id: expect.stringMatching(/^\d+$/), email: expect.stringContaining('@') });
    expect(body.links.map((l: { rel: string }) => l.rel)).toEqual(['next', 'last', 'self']);
  });

  it('shows a datetime without TO_CHAR as a date alone, and with it to the second', async () => {
    const res = await suiteql(`SELECT contact.lastmodifieddate AS raw, TO_CHAR(contact.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS') AS exact FROM contact`);
    const [row] = (await res.json()).items;
    expect(row.raw).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    expect(row.exact).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('filters with TO_TIMESTAMP, compares text case-sensitively and booleans as T/F', async () => {
    const email = sandbox.store.records.contact.list()[0]!.data.email as string;
    const exact = await (await suiteql(`SELECT contact.id FROM contact WHERE contact.email = '${email.toUpperCase()}'`)).json();
    const lowered = await (await suiteql(`SELECT contact.id FROM contact WHERE LOWER(contact.email) IN ('${email.toUpperCase().toLowerCase()}') AND contact.isinactive = 'F'`)).json();
    const future = await (await suiteql(`SELECT contact.id FROM contact WHERE contact.lastmodifieddate >= TO_TIMESTAMP('2999-01-01T00:00:00', 'YYYY-MM-DD"T"HH24:MI:SS')`)).json();
    expect([exact.count, lowered.count, future.count]).toEqual([0, 1, 0]);
  });

  it('refuses a query without Prefer: transient, a limit over 1,000 and an unknown column', async () => {
    const noHeader = await suiteql('SELECT contact.id FROM contact', 'limit=10', {});
    expect(await noHeader.json()).toMatchObject({ status: 400, 'o:errorDetails': [{ 'o:errorHeader': 'Prefer' }] });
    const tooMany = await suiteql('SELECT contact.id FROM contact', 'limit=1001');
    expect(await tooMany.json()).toMatchObject({ status: 400, 'o:errorDetails': [{ 'o:errorQueryParam': 'limit' }] });
    const unknown = await suiteql('SELECT contact.shoesize FROM contact');
    expect((await unknown.json())['o:errorDetails'][0].detail).toContain("Field 'shoesize' for record 'contact' was not found");
  });
});
