/**
 * The generated mode for benchmarks: a million customers from a formula, paged by Stripe's
 * rules, ids decoding back to their index; and the sandbox as a process of its own.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type Page, type SourceOperations } from '../../src/registry/index.js';
import { stripeDefinition } from './definition.js';
import { generatedId, generatedIndex, startStripeSandbox, type StripeSandbox } from './sandbox/index.js';

const MILLION = 1_000_000;

describe('generated mode: 1,000,000 customers', () => {
  let sandbox: StripeSandbox;
  const list = async (query: string) => {
    const response = await fetch(`${sandbox.baseUrl}/v1/customers?${query}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    return (await response.json()) as { data: Array<{ id: string; email: string; created: number }>; has_more: boolean };
  };

  beforeAll(async () => { sandbox = await startStripeSandbox({ generated: { customers: MILLION }, rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('pages 250 customers newest first with starting_after, and every id decodes to its index', async () => {
    const seen: Array<{ id: string; email: string; created: number }> = [];
    let after: string | undefined;
    for (const limit of [100, 100, 50]) {
      const page = await list(`limit=${limit}${after ? `&starting_after=${after}` : ''}`);
      expect(page.data).toHaveLength(limit);
      expect(page.has_more).toBe(true);
      seen.push(...page.data);
      after = page.data.at(-1)!.id;
    }
    const indexes = seen.map((c) => generatedIndex(c.id));
    expect(indexes).toEqual(Array.from({ length: 250 }, (_, i) => MILLION - 1 - i));
    expect(seen.every((c, i) => c.email === `customer${indexes[i]}@example.com` && generatedId(indexes[i]!) === c.id)).toBe(true);
    expect(seen.every((c, i) => i === 0 || c.created < seen[i - 1]!.created)).toBe(true);
  });

  it('ends the list at the oldest customer, and pages backwards with ending_before', async () => {
    const last = await list(`limit=100&starting_after=${generatedId(2)}`);
    expect(last.data.map((c) => generatedIndex(c.id))).toEqual([1, 0]);
    expect(last.has_more).toBe(false);
    const back = await list(`limit=3&ending_before=${generatedId(10)}`);
    expect(back.data.map((c) => generatedIndex(c.id))).toEqual([13, 12, 11]);
    expect(back.has_more).toBe(true);
  });

  it('serves the connector\'s full read, and resumes it from a page cursor', async () => {
    const definition = new ConnectorRegistry().register(stripeDefinition);
    const { ctx } = await buildConnectorContext({
      definition, authMethodId: 'secret_key', config: {}, secrets: async () => ({ apiKey: sandbox.apiKey }),
      tenant: { workspaceId: 'ws', connectionId: 'generated' }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
    });
    const source = definition.objects.find((o) => o.name === 'customers')!.source as SourceOperations;
    const firstPages = async (cursor: unknown, n: number) => {
      const pages: Page[] = [];
      for await (const page of source.read(ctx, { cursor, mode: 'full' })) if (pages.push(page) === n) break;
      return pages;
    };
    const pages = await firstPages(null, 3);
    expect(pages.flatMap((p) => p.records.map((r) => generatedIndex(r.id)))).toEqual(Array.from({ length: 300 }, (_, i) => MILLION - 1 - i));
    expect(pages.every((p) => p.hasMore)).toBe(true);
    const [resumed] = await firstPages(pages[1]!.cursor, 1);
    expect(generatedIndex(resumed!.records[0]!.id)).toBe(MILLION - 201);
  });
});

describe('the sandbox in a process of its own', () => {
  it('prints its base URL and key as one JSON line, then serves', async () => {
    const script = fileURLToPath(new URL('./sandbox/process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--generated-customers', '1000', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
      });
      const { baseUrl, apiKey } = JSON.parse(line) as { baseUrl: string; apiKey: string };
      expect(apiKey).toMatch(/^sk_test_/);
      const response = await fetch(`${baseUrl}/v1/customers?limit=1`, { headers: { authorization: `Bearer ${apiKey}` } });
      const body = (await response.json()) as { data: Array<{ id: string }> };
      expect(generatedIndex(body.data[0]!.id)).toBe(999);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
