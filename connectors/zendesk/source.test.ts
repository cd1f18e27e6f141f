/**
 * Reads beyond the shared suite: the deleted-tickets feed, the cursor convention's edge cases
 * (a future checkpoint sends nothing, a finished full read resumes to nothing, a refused export
 * cursor restarts by time), the time-based export's stuck second, and the connection checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, Page } from '../../src/registry/index.js';
import { readAll } from '../../test/conformance/harness.js';
import { sourceOf, zendeskHarness } from './fixtures/context.js';
import { testZendeskConnection } from './health.js';
import { ORGANIZATION_DEFAULTS } from './sandbox/model.js';
import { startZendeskSandbox, SUITE_OPTIONS, type ZendeskSandbox } from './sandbox/index.js';

const idsOf = (pages: Page[]) => pages.flatMap((p) => p.records.map((r) => r.id));

describe('Zendesk source reads', () => {
  let sandbox: ZendeskSandbox;
  let ctx: ConnectorContext;
  beforeAll(async () => {
    sandbox = await startZendeskSandbox({ ...SUITE_OPTIONS, seed: { users: 5, tickets: 30 } });
    ctx = (await zendeskHarness(sandbox)).ctx;
  });
  afterAll(async () => sandbox.stop());

  it('tombstones a deleted ticket from the export and from the deleted-tickets list, and ends with a checkpoint', async () => {
    const full = await readAll(ctx, sourceOf('tickets'), null, 'full');
    expect(full.at(-1)).toMatchObject({ hasMore: false, cursor: { of: 'full' } });
    const [victim] = sandbox.store.liveIds('tickets');
    sandbox.remove('tickets', victim!);
    sandbox.server.clearLog();
    const pages = await readAll(ctx, sourceOf('tickets'), full.at(-1)!.cursor, 'incremental');
    const tombstones = pages.flatMap((p) => p.records).filter((r) => r.deleted);
    expect(tombstones.map((r) => r.id)).toEqual([victim, victim]);
    expect(tombstones[1]!.data).toMatchObject({ previous_state: 'open', actor: { name: 'Forge Admin' } });
    const deletedCall = sandbox.server.requestLog.find((r) => r.path === '/api/v2/deleted_tickets.json');
    expect(deletedCall?.query).toMatchObject({ sort_by: 'deleted_at', sort_order: 'desc', 'page[size]': '100' });
    expect(pages.at(-1)).toMatchObject({ hasMore: false, cursor: { of: 'incremental' } });
    // The export's last page hands over to the deleted list; resuming there reads only that list.
    const handover = pages.find((p) => (p.cursor as { read?: { phase: string } }).read?.phase === 'deleted')!;
    const rest = await readAll(ctx, sourceOf('tickets'), handover.cursor, 'incremental');
    expect(rest.flatMap((p) => p.records).map((r) => r.id)).toEqual([victim]);
  });

  it('sends nothing when the checkpoint minus the lookback is inside Zendesk\'s last minute, and yields one empty page', async () => {
    sandbox.server.clearLog();
    // A checkpoint ahead of this machine's clock (skew, or a bad value): Zendesk would refuse the start_time.
    const cursor = { since: new Date(Date.now() + 10 * 60_000).toISOString(), of: 'incremental' };
    const pages = await readAll(ctx, sourceOf('users'), cursor, 'incremental');
    expect(pages).toEqual([{ records: [], cursor, hasMore: false }]);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('resumed after the last page of a full read, yields one empty last page', async () => {
    const full = await readAll(ctx, sourceOf('users'), null, 'full');
    const again = await readAll(ctx, sourceOf('users'), full.at(-1)!.cursor, 'full');
    expect(again).toEqual([{ records: [], cursor: full.at(-1)!.cursor, hasMore: false }]);
  });

  it('restarts by time from the high-water mark when Zendesk refuses a saved export cursor', async () => {
    sandbox.seed('users', 1200);
    const full = await readAll(ctx, sourceOf('users'), null, 'full');
    const all = [...new Set(idsOf(full))].sort();
    const first = full[0]!.cursor as { read: Record<string, unknown> };
    const forged = { ...first, read: { ...first.read, after: Buffer.from('not a cursor').toString('base64') } };
    const rest = await readAll(ctx, sourceOf('users'), forged, 'full');
    expect([...new Set([...idsOf(full.slice(0, 1)), ...idsOf(rest)])].sort()).toEqual(all);
    expect(idsOf(rest).length).toBeLessThan(all.length);
  });

  it('stops with a clear error when more than a page of organizations share one second', async () => {
    const at = Date.now() - 3_600_000;
    for (let i = 0; i < 1001; i++) sandbox.store.organizations.insert({ ...ORGANIZATION_DEFAULTS, name: `Bulk import ${i}` }, { at });
    await expect(readAll(ctx, sourceOf('organizations'), null, 'full')).rejects.toMatchObject({ kind: 'permanent', code: 'export_stuck' });
  });
});

describe('connection checks', () => {
  let sandbox: ZendeskSandbox;
  beforeAll(async () => { sandbox = await startZendeskSandbox(SUITE_OPTIONS); });
  afterAll(async () => sandbox.stop());

  it('accepts the API token and an OAuth access token, and reports revoked credentials', async () => {
    expect(await testZendeskConnection((await zendeskHarness(sandbox, 'api_token')).ctx)).toEqual({ ok: true, message: 'Connected to Zendesk as an admin.' });
    expect(await testZendeskConnection((await zendeskHarness(sandbox, 'oauth')).ctx)).toMatchObject({ ok: true });
    const auth = sandbox.server.requestLog.map((r) => r.headers.authorization?.split(' ')[0]);
    expect(auth).toEqual(['Basic', 'Bearer']);
    sandbox.revoke();
    expect(await testZendeskConnection((await zendeskHarness(sandbox)).ctx)).toMatchObject({ ok: false, message: expect.stringContaining("Couldn't authenticate you") });
  });
});
