/**
 * Hostile definitions and hostile inputs: nothing an admin writes or a caller sends can move a
 * request to another scheme, host, port or path prefix, and every refusal says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startScriptedServer, type ScriptedServer } from '../../test/support/http-server.js';
import { httpConnectorSchema, type HttpConnectorDefinition } from './definition.js';
import { runHttpAction } from './handler.js';
import { renderTemplate } from './template.js';

const base = {
  connector_id: 'acme-hooks', display_name: 'Acme hooks', auth_type: 'bearer',
  auth_schema: { fields: [{ name: 'token', label: 'Token', type: 'password', secret: true, required: true }] },
  allowed_domains: ['api.acme.example'], enabled: true,
};
const define = (overrides: Record<string, unknown>) => httpConnectorSchema.safeParse({
  ...base, actions: [{ action_id: 'send', http_method: 'POST', url_template: 'https://api.acme.example/v1/items/{item_id}', body_schema: { type: 'object' } }], ...overrides,
});
const issuesOf = (result: ReturnType<typeof define>) => (result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('hostile definitions are refused at registration, naming the path', () => {
  it.each([
    ['*', 'allowed_domains.0'], ['*.com', 'allowed_domains.0'], ['*.co', 'allowed_domains.0'], ['127.0.0.1', 'allowed_domains.0'], ['10.0.0.1', 'allowed_domains.0'],
    ['[::1]', 'allowed_domains.0'], ['0x7f000001', 'allowed_domains.0'], ['localhost', 'allowed_domains.0'], ['metadata.google.internal', 'allowed_domains.0'],
    ['api.*.example', 'allowed_domains.0'], ['exa mple.com', 'allowed_domains.0'], ['printer.local', 'allowed_domains.0'],
  ])('allowed domain %s', (pattern, path) => {
    const issues = issuesOf(define({ allowed_domains: [pattern] }));
    expect(issues.some((i) => i.startsWith(path))).toBe(true);
  });

  it.each([
    ['http://api.acme.example/v1', 'https://'],
    ['https://{host}/v1', 'fixed'],
    ['https://api.acme.example:8443/v1', 'fixed'],
    ['https://user@api.acme.example/v1', 'fixed'],
    ['https://api.acme.example.evil.com/v1', 'not in allowed_domains'],
    ['https://evil.com\\@api.acme.example/v1', 'backslash'],
    ['https://api.acme.example/v1#{frag}', 'fragment'],
    ['https://аpi.acme.example/v1', 'not in allowed_domains'],
    ['https://api.acme.example{path}', 'fixed'],
    ['//api.acme.example/v1', 'https://'],
    ['https://api.acme.example/v1/\t{x}', 'control'],
  ])('URL template %s', (template, why) => {
    const issues = issuesOf(define({ actions: [{ action_id: 'send', http_method: 'POST', url_template: template, body_schema: {} }] }));
    expect(issues.join('\n')).toMatch(new RegExp(`actions\\.0\\.url_template: .*${why.replace(/[/\\]/g, '.')}`));
  });

  it('refuses a body schema that is not JSON Schema, and duplicate actions', () => {
    const issues = issuesOf(define({ actions: [
      { action_id: 'send', http_method: 'POST', url_template: 'https://api.acme.example/v1', body_schema: { type: 'nonsense' } },
      { action_id: 'send', http_method: 'POST', url_template: 'https://api.acme.example/v1', body_schema: {} },
    ] }));
    expect(issues.join('\n')).toMatch(/actions\.0\.body_schema: not a valid JSON Schema/);
    expect(issues.join('\n')).toMatch(/actions\.1\.action_id: action "send" is declared twice/);
  });
});

describe('hostile input values never leave the template\'s host and path', () => {
  const template = 'https://api.acme.example/v1/items/{item_id}?q={query}';
  it.each([
    '../../admin', '..', '.', '%2e%2e', '%2E%2E', '@evil.com', '//evil.com', '\\\\evil.com', 'a/../../b', 'x?y=1#frag', 'evil.com:443',
    'http://169.254.169.254/', '\u2025', '%252e%252e', 'a%2fb', 'ａｐｉ', '\r\nHost: evil.com', ':@evil.com',
  ])('item_id %j', (value) => {
    let url: URL | undefined;
    try {
      url = renderTemplate(template, { item_id: value, query: value }, ['api.acme.example']);
    } catch (error) {
      expect((error as Error).message).toMatch(/may not be|left the template/);
      return;
    }
    expect(url.origin).toBe('https://api.acme.example');
    expect(url.pathname.startsWith('/v1/items/')).toBe(true);
    expect(url.pathname.split('/').length).toBe(4);
    expect(url.hash).toBe('');
  });
});

describe('the generic handler', () => {
  let server: ScriptedServer;
  beforeAll(async () => { server = await startScriptedServer((req, res) => json(res, 200, { got: req.url, auth: req.headers.authorization ?? null })); });
  afterAll(async () => server.close());

  const definition = (overrides: Partial<HttpConnectorDefinition> = {}): HttpConnectorDefinition => httpConnectorSchema.parse({
    ...base, actions: [{ action_id: 'send', http_method: 'POST', url_template: 'https://api.acme.example/v1/items/{item_id}',
      body_schema: { type: 'object', required: ['item_id', 'note'], properties: { item_id: { type: 'string' }, note: { type: 'string', maxLength: 20 } } } }], ...overrides,
  });
  const configured = { state: 'configured' as const, config: { token: 'canary-TOKEN-8842' } };

  it('skips a disabled connector, an unconfigured and an opted-out workspace without calling', async () => {
    server.seen.length = 0;
    expect(await runHttpAction({ definition: definition({ enabled: false }), actionId: 'send', inputs: {}, setting: configured, sandboxOrigin: server.url })).toEqual({ status: 'skipped_disabled' });
    expect(await runHttpAction({ definition: definition(), actionId: 'send', inputs: {}, setting: { state: 'unconfigured' }, sandboxOrigin: server.url })).toEqual({ status: 'skipped_unconfigured' });
    expect(await runHttpAction({ definition: definition(), actionId: 'send', inputs: {}, setting: { state: 'opted_out' }, sandboxOrigin: server.url })).toEqual({ status: 'skipped_opted_out' });
    expect(server.seen).toHaveLength(0);
  });

  it('calls with the workspace credentials, values encoded in the path', async () => {
    const outcome = await runHttpAction({ definition: definition(), actionId: 'send', inputs: { item_id: 'a/../b', note: 'hi' }, setting: configured, sandboxOrigin: server.url });
    if (outcome.status !== 'ran') throw new Error('expected a call');
    expect(outcome.response.ok).toBe(true);
    expect(outcome.response.body).toEqual({ got: '/v1/items/a%2F..%2Fb', auth: 'Bearer canary-TOKEN-8842' });
  });

  it('names the inputs that break the action schema, without calling', async () => {
    server.seen.length = 0;
    const outcome = await runHttpAction({ definition: definition(), actionId: 'send', inputs: { item_id: 'x', note: 'far too long for the schema here' }, setting: configured, sandboxOrigin: server.url });
    if (outcome.status !== 'ran') throw new Error('expected an answer');
    expect(outcome.response.error).toMatchObject({ kind: 'validation' });
    expect(outcome.response.error!.fields.map((f) => f.field)).toEqual(['note']);
    expect(server.seen).toHaveLength(0);
  });

  it('refuses a host the org allowlist does not include, even when the connector allows it', async () => {
    const outcome = await runHttpAction({ definition: definition(), actionId: 'send', inputs: { item_id: 'x', note: 'n' }, setting: configured, orgAllowlist: ['api.other.example'], sandboxOrigin: server.url });
    if (outcome.status !== 'ran') throw new Error('expected an answer');
    expect(outcome.response.error?.code).toBe('egress_org_not_allowed');
  });

  it('refuses an allowed domain that resolves to a private address', async () => {
    const outcome = await runHttpAction({
      definition: definition(), actionId: 'send', inputs: { item_id: 'x', note: 'n' }, setting: configured,
      resolver: async () => [{ address: '10.1.2.3', family: 4 }],
    });
    if (outcome.status !== 'ran') throw new Error('expected an answer');
    expect(outcome.response.ok).toBe(false);
    expect(outcome.response.error?.message).toMatch(/10\.1\.2\.3|private|forbidden/i);
    expect(JSON.stringify(outcome.response.error)).not.toContain('canary-TOKEN-8842');
  });
});
