/**
 * Incremental reads: search past HubSpot's 10,000-result cap without paging into it, records
 * sharing one millisecond, notes' associations from the v4 API, resuming from a page cursor, and
 * a checkpoint that does not skip records changed while a full read was under way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorContext, Page, SourceOperations } from '../../src/registry/index.js';
import { ManualClock } from '../../src/sandbox/index.js';
import { liveIdsOf, readAll } from '../../test/conformance/harness.js';
import { hubspotDefinition } from './definition.js';
import { hubspotHarness } from './fixtures/context.js';
import { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions } from './sandbox/index.js';

let sandbox: HubspotSandbox;
afterEach(async () => sandbox?.stop());

const LONG_AGO = { since: '2000-01-01T00:00:00.000Z' };
const source = (name: string) => hubspotDefinition.objects!.find((o) => o.name === name)!.source as unknown as SourceOperations;

async function started(options: HubspotSandboxOptions): Promise<ConnectorContext> {
  sandbox = await startHubspotSandbox(options);
  return (await hubspotHarness(sandbox)).ctx;
}

const searches = () => sandbox.server.requestLog.filter((r) => r.path.endsWith('/search'));

describe('incremental reads', () => {
  it('reads past the search result cap by starting a new query from the newest modification seen', async () => {
    const ctx = await started({ searchCap: 150, seed: { contacts: 400 } });
    const pages = await readAll(ctx, source('contacts'), LONG_AGO, 'incremental');
    expect(liveIdsOf(pages)).toEqual([...sandbox.store.liveIds('contacts')].sort());
    expect(searches().every((r) => r.status === 200 && (r.body as { after?: string }).after === undefined)).toBe(true);
    expect(searches().length).toBeGreaterThanOrEqual(3);
  });

  it('walks a full page of records sharing one millisecond by id, then moves on', async () => {
    const ctx = await started({ seedSpacingMs: 0, seed: { companies: 450 } });
    const pages = await readAll(ctx, source('companies'), LONG_AGO, 'incremental');
    expect(liveIdsOf(pages)).toHaveLength(450);
    const filters = searches().map((r) => JSON.stringify((r.body as { filterGroups: unknown }).filterGroups));
    expect(filters.some((f) => f.includes('"hs_object_id","operator":"GT"'))).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
  });

  it('attaches a note\'s contact and company from the v4 associations API, as the list endpoint does', async () => {
    const ctx = await started({ seed: { notes: 3 } });
    const full = await readAll(ctx, source('notes'), null, 'full');
    const [note] = sandbox.store.liveIds('notes');
    sandbox.touch('notes', note!);
    const changed = (await readAll(ctx, source('notes'), full.at(-1)!.cursor, 'incremental')).flatMap((p) => p.records);
    const fromFull = full.flatMap((p) => p.records).find((r) => r.id === note)!;
    const fromSearch = changed.find((r) => r.id === note)!;
    expect(fromSearch.data.associations).toEqual(fromFull.data.associations);
    expect(fromSearch.data.engagementType).toBe('NOTE');
    expect(sandbox.server.requestLog.some((r) => r.path === '/crm/v4/associations/notes/contacts/batch/read')).toBe(true);
  });

  it('resumes an interrupted incremental read from a page cursor without starting over', async () => {
    const ctx = await started({ seed: { contacts: 450 } });
    const pages = await readAll(ctx, source('contacts'), LONG_AGO, 'incremental');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const resumed = await readAll(ctx, source('contacts'), pages[0]!.cursor, 'incremental');
    expect(liveIdsOf(resumed).length).toBeLessThan(450);
    expect(new Set([...liveIdsOf(pages.slice(0, 1)), ...liveIdsOf(resumed)]).size).toBe(450);
  });

  it('leaves a checkpoint that still covers a record changed on a page a full read had passed', async () => {
    const clock = new ManualClock(Date.now());
    const ctx = await started({ clock, seed: { contacts: 250 } });
    const read = source('contacts').read(ctx, { cursor: null, mode: 'full' })[Symbol.asyncIterator]();
    const first = (await read.next()).value as Page;
    const passed = first.records[0]!.id;
    sandbox.touch('contacts', passed);
    // Ten minutes later, still during the read, a record on a later page changes too.
    clock.advance(10 * 60_000);
    const ahead = sandbox.store.liveIds('contacts').at(-1)!;
    sandbox.touch('contacts', ahead);
    const rest: Page[] = [];
    for (let step = await read.next(); !step.done; step = await read.next()) rest.push(step.value);
    const changed = liveIdsOf(await readAll(ctx, source('contacts'), rest.at(-1)!.cursor, 'incremental'));
    expect(changed).toEqual(expect.arrayContaining([passed, ahead]));
  });
});

describe('rate limits during a read', () => {
  it('waits out HubSpot\'s window after a 429 (its interval header) and finishes the read', async () => {
    const ctx = await started({ rateLimit: { limit: 2, windowMs: 1000 }, seed: { contacts: 450 } });
    const pages = await readAll(ctx, source('contacts'), null, 'full');
    expect(liveIdsOf(pages)).toHaveLength(450);
    const log = sandbox.server.requestLog;
    const limited = log.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(log[limited + 1]!.time - log[limited]!.time).toBeGreaterThanOrEqual(900);
  });
});
