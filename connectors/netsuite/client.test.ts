/**
 * Sandbox fidelity against an established client: `netsuite-rest` (a small community client; it
 * signs OAuth 1.0a itself with the `oauth-1.0a` package, HMAC-SHA256 and the realm) pointed at the
 * stand-in through its own `base_url` option, used as its README shows, without tweaks. It sends
 * JSON bodies without a Content-Type (the stand-in reads them as JSON) and `Prefer: transient`
 * with every body.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetsuiteSandbox, type NetsuiteSandbox } from './sandbox/index.js';

/** The client spreads got's response into a plain object; Node's lazy `headers` getter does not survive that, `rawHeaders` does. */
interface GotLikeResponse { statusCode: number; rawHeaders: string[]; data: unknown }
interface NetsuiteRest { request(opts: { path?: string; method?: string; body?: string; heads?: Record<string, string> }): Promise<GotLikeResponse> }
type NetsuiteRestClass = new (options: Record<string, string>) => NetsuiteRest;

const NsApiWrapper = createRequire(import.meta.url)('netsuite-rest') as NetsuiteRestClass;

let sandbox: NetsuiteSandbox;
let client: NetsuiteRest;
beforeAll(async () => {
  sandbox = await startNetsuiteSandbox({ seed: { customer: 2, contact: 6 } });
  const { consumerKey, consumerSecret, tokenId, tokenSecret } = sandbox.credentials;
  client = new NsApiWrapper({ consumer_key: consumerKey, consumer_secret_key: consumerSecret, token: tokenId, token_secret: tokenSecret, realm: sandbox.accountId, base_url: sandbox.baseUrl });
});
afterAll(() => sandbox.stop());

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { statusCode: number; body: string } }).response;
    if (response) return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> };
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('netsuite-rest against the sandbox', () => {
  it('runs a SuiteQL query with limit and offset in the path', async () => {
    const res = await client.request({ path: 'query/v1/suiteql?limit=5&offset=0', method: 'POST', body: JSON.stringify({ q: 'SELECT contact.id, contact.email FROM contact ORDER BY contact.id' }) });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ count: 5, hasMore: true, totalResults: 6, offset: 0 });
  });

  it('lists, creates, reads, updates and deletes a contact', async () => {
    const list = await client.request({ path: 'record/v1/contact?limit=2' });
    expect((list.data as { items: unknown[] }).items).toHaveLength(2);

    const [company] = sandbox.store.liveIds('customer');
    const created = await client.request({ path: 'record/v1/contact', method: 'POST', body: JSON.stringify({ firstName: 'Rest', lastName: 'Client', email: 'rest.client@example.com', company: { id: company } }) });
    expect(created.statusCode).toBe(204);
    const location = created.rawHeaders[created.rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'location') + 1]!;
    const id = new URL(location).pathname.split('/').at(-1)!;

    const read = await client.request({ path: `record/v1/contact/${id}` });
    expect(read.data).toMatchObject({ id, firstName: 'Rest', email: 'rest.client@example.com', company: { id: company } });

    const updated = await client.request({ path: `record/v1/contact/${id}`, method: 'PATCH', body: JSON.stringify({ title: 'Integration' }) });
    expect(updated.statusCode).toBe(204);
    expect((await client.request({ path: `record/v1/contact/${id}` })).data).toMatchObject({ title: 'Integration' });

    expect((await client.request({ path: `record/v1/contact/${id}`, method: 'DELETE' })).statusCode).toBe(204);
    const gone = await refusal(client.request({ path: `record/v1/contact/${id}` }));
    expect(gone).toMatchObject({ status: 404, body: { 'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_ID' }] } });
  });

  it('is refused with INVALID_LOGIN when its token secret is wrong', async () => {
    const { consumerKey, consumerSecret, tokenId } = sandbox.credentials;
    const wrong = new NsApiWrapper({ consumer_key: consumerKey, consumer_secret_key: consumerSecret, token: tokenId, token_secret: '0'.repeat(64), realm: sandbox.accountId, base_url: sandbox.baseUrl });
    const refused = await refusal(wrong.request({ path: 'record/v1/contact' }));
    expect(refused).toMatchObject({ status: 401, body: { 'o:errorDetails': [{ 'o:errorCode': 'INVALID_LOGIN' }] } });
    expect(sandbox.tokens.audit.at(-1)!.detail).toBe('InvalidSignature');
  });
});
