/**
 * The sandbox against Slack's own Web API description (/work/shared/specs/slack.web-api.swagger2.json):
 * the copied parameter table is the description's, arguments it refuses are refused as Slack
 * refuses them, and the sandbox's answers validate against the description's response schemas
 * (fields Slack added after the description was published, `app_id` and `metadata`, set aside).
 */
import { Ajv } from 'ajv';
import { vendorSpecText } from '../../src/sandbox/vendor-specs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import described from './fixtures/spec-methods.json' with { type: 'json' };
import { startSlackSandbox, type SlackSandbox } from './sandbox/index.js';
import { slack, slackContext } from './test-context.js';

interface Operation { parameters?: Array<{ name: string; in: string; type?: string; required?: boolean }>; responses: Record<string, { schema: Record<string, unknown> }> }
const spec = JSON.parse(vendorSpecText('slack.web-api.swagger2.json')) as { paths: Record<string, Record<string, Operation>>; definitions: Record<string, unknown> };
const operation = (method: string): [string, Operation] => Object.entries(spec.paths[`/${method}`]!)[0]!;

const ajv = new Ajv({ strict: false, allErrors: true });
// The definitions compiled once, and each response schema pointed at them.
ajv.addSchema({ $id: 'slack', definitions: spec.definitions });
function validator(method: string, which: '200' | 'default') {
  const schema = JSON.stringify(operation(method)[1].responses[which]!.schema).replaceAll('"#/definitions/', '"slack#/definitions/');
  return ajv.compile(JSON.parse(schema) as object);
}
/** Fields Slack documents today but the 2021 description does not know. */
function withoutLaterFields(value: unknown, parent = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutLaterFields(v, parent));
  if (!value || typeof value !== 'object') return value;
  const later = (key: string) => ['metadata', 'warning', 'response_metadata'].includes(key) || (key === 'app_id' && parent !== 'bot_profile');
  return Object.fromEntries(Object.entries(value).filter(([k]) => !later(k)).map(([k, v]) => [k, withoutLaterFields(v, k)]));
}

describe('the Slack sandbox and the Web API description', () => {
  let sandbox: SlackSandbox;
  beforeAll(async () => { sandbox = await startSlackSandbox({ rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('copies the description\'s parameters and error codes unchanged', () => {
    for (const [method, entry] of Object.entries(described.methods)) {
      const [verb, op] = operation(method);
      expect(entry.httpMethod).toBe(verb.toUpperCase());
      expect(entry.params).toEqual((op.parameters ?? []).filter((p) => p.name !== 'token').map((p) => ({ name: p.name, in: p.in, type: p.type, required: Boolean(p.required) })));
    }
  });

  it('refuses what the description refuses: a missing required field, a wrongly typed one', async () => {
    const ctx = await slackContext(sandbox);
    const missing = await ctx.http.request({ method: 'POST', url: '/api/chat.update', json: { channel: sandbox.channels.general, text: 'x' } });
    expect(missing.body).toEqual({ ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: ts'] } });
    expect(missing.error).toMatchObject({ kind: 'validation', fields: [{ field: 'ts' }] });
    const typed = await ctx.http.request({ url: '/api/conversations.history', query: { channel: sandbox.channels.general, limit: 'ten' } });
    expect(typed.error).toMatchObject({ kind: 'validation', fields: [{ field: 'limit' }] });
  });

  it('answers in the shapes the description gives, for the connector\'s own calls', async () => {
    const ctx = await slackContext(sandbox);
    sandbox.server.clearLog();
    const root = sandbox.postAsHuman(sandbox.channels.general, 'root');
    const { id } = await slack.send(ctx, { channel: sandbox.channels.general, text: 'reply', threadId: root }, { idempotencyKey: 's1' });
    await slack.fetch!(ctx, { channel: sandbox.channels.general, id, threadId: root });
    await slack.fetch!(ctx, { channel: sandbox.channels.general, id: root });
    await slack.delete!(ctx, { channel: sandbox.channels.general, id });
    await slack.delete!(ctx, { channel: sandbox.channels.general, id });
    const raw = await ctx.http.request({ url: '/api/auth.test' });
    expect(validator('auth.test', '200')(raw.body)).toBe(true);

    const calls = sandbox.server.requestLog.map((r) => r.path.replace('/api/', ''));
    expect(calls).toEqual(['chat.postMessage', 'conversations.replies', 'conversations.history', 'chat.delete', 'chat.delete', 'auth.test']);
    const postOk = await ctx.http.request({ method: 'POST', url: '/api/chat.postMessage', json: { channel: sandbox.channels.general, text: 'shape check' } });
    const check = validator('chat.postMessage', '200');
    expect(check(withoutLaterFields(postOk.body)), JSON.stringify(check.errors)).toBe(true);
    const deleted = await ctx.http.request({ method: 'POST', url: '/api/chat.delete', json: { channel: sandbox.channels.general, ts: (postOk.body as { ts: string }).ts } });
    expect(validator('chat.delete', '200')(withoutLaterFields(deleted.body))).toBe(true);
    const history = await ctx.http.request({ url: '/api/conversations.history', query: { channel: sandbox.channels.general } });
    const historyCheck = validator('conversations.history', '200');
    expect(historyCheck(withoutLaterFields(history.body)), JSON.stringify(historyCheck.errors)).toBe(true);
    const gone = await ctx.http.request({ method: 'POST', url: '/api/chat.delete', json: { channel: sandbox.channels.general, ts: (postOk.body as { ts: string }).ts } });
    expect(validator('chat.delete', 'default')(gone.body)).toBe(true);
  });
});
