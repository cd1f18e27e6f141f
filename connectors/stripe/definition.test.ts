/**
 * The definition as the platform sees it: it registers, its catalogue entry draws its forms,
 * its sandbox factory starts a seeded account, and testConnection tells a good key from a bad one.
 */
import { describe, expect, it } from 'vitest';
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { ConnectorRegistry, catalogueEntry, type ConnectorContext } from '../../src/registry/index.js';
import { stripeDefinition } from './definition.js';
import type { StripeCheck } from './health.js';
import { startStripeSandbox } from './sandbox/index.js';
import { stripeContext } from './test-context.js';

describe('Stripe definition', () => {
  it('registers, with a catalogue entry for its two key methods and three objects', () => {
    const definition = new ConnectorRegistry().register(stripeDefinition);
    const entry = catalogueEntry(definition);
    expect(entry.authMethods.map((m) => m.id)).toEqual(['secret_key', 'secret_key_basic']);
    expect(entry.authMethods[0]!.schema).toMatchObject({ properties: { apiKey: { writeOnly: true } }, required: ['apiKey'] });
    expect(entry.objects).toEqual([
      { name: 'customers', label: 'Customers', canonical: 'person', source: true, destination: true },
      { name: 'charges', label: 'Charges', canonical: 'activity', source: true, destination: false },
      { name: 'invoices', label: 'Invoices', canonical: 'activity', source: true, destination: false },
    ]);
    expect(entry.hasSandbox).toBe(true);
    expect(definition.defaultHeaders).toEqual({ 'Stripe-Version': '2026-10-28.endive' });
  });

  it('starts a seeded sandbox from its factory', async () => {
    const running = await (stripeDefinition.sandbox as SandboxFactory)({ port: 0 });
    try {
      const response = await fetch(`${running.baseUrl}/v1/charges?limit=100`, { headers: { authorization: `Bearer ${running.credentials.apiKey}` } });
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(100);
    } finally {
      await running.stop();
    }
  });

  it('tests a connection: a working key in test mode, and a revoked one as permanent', async () => {
    const sandbox = await startStripeSandbox({ rateLimit: false });
    sandbox.seed('customers', 1);
    const test = stripeDefinition.testConnection as (ctx: ConnectorContext) => Promise<StripeCheck>;
    try {
      const ctx = await stripeContext(sandbox);
      expect(await test(ctx)).toMatchObject({ ok: true, livemode: false, message: expect.stringContaining('test mode') });
      sandbox.keys.expire(sandbox.apiKey);
      const failed = await test(ctx);
      expect(failed).toMatchObject({ ok: false, kind: 'permanent', message: expect.stringContaining('Expired API Key provided: sk_test_') });
      expect(failed.message).not.toContain(sandbox.apiKey);
    } finally {
      await sandbox.stop();
    }
  });
});
