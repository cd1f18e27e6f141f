/**
 * Reading behaviours the shared suite does not pin: keyset pages (every page a fresh query at
 * offset 0, starting after the last row read), no row lost when one already read is edited
 * mid-read (what offset paging would skip), the deletion log as tombstones of the right type
 * only, the lookback window, and checkpoints kept in NetSuite's own wall-clock text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../src/registry/index.js';
import { finishedSince, LOOKBACK_MS, shiftWall, type ReadState } from './cursor.js';
import { netsuiteHarness, sourceOf } from './fixtures/context.js';
import { CONTACT } from './objects.js';
import { liveRecord } from './source/records.js';
import { startNetsuiteSandbox, type NetsuiteSandbox } from './sandbox/index.js';

let sandbox: NetsuiteSandbox | undefined;
afterEach(async () => { await sandbox?.stop(); sandbox = undefined; });

async function collect(iterable: AsyncIterable<Page>): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

const queries = (s: NetsuiteSandbox) => s.server.requestLog.filter((r) => r.path.endsWith('/suiteql')).map((r) => ({ q: (r.body as { q: string }).q, query: r.query, prefer: r.headers.prefer }));
const ids = (pages: Page[]) => pages.flatMap((p) => p.records.filter((r) => !r.deleted).map((r) => r.id));

describe('reading contacts through SuiteQL', () => {
  it('asks each page as a fresh query after the last row read, at offset 0, with Prefer: transient', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { contact: 2001 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const pages = await collect(sourceOf('contact').read(ctx, { cursor: null, mode: 'full' }));
    expect(pages.map((p) => p.records.length)).toEqual([1000, 1000, 1, 0]);
    const sent = queries(sandbox);
    expect(sent.every((s) => s.query.offset === '0' && s.query.limit === '1000' && s.prefer === 'transient')).toBe(true);
    expect(sent[0]!.q).not.toContain('WHERE');
    const last = pages[0]!.records.at(-1)!;
    expect(sent[1]!.q).toContain(`contact.lastmodifieddate > TO_TIMESTAMP('${String(last.cursorValue)}', 'YYYY-MM-DD"T"HH24:MI:SS') OR (contact.lastmodifieddate = TO_TIMESTAMP('${String(last.cursorValue)}'`);
    expect(sent[1]!.q).toContain(`contact.id > ${last.id}`);
    expect(sent[3]!.q).toContain("FROM deletedrecord WHERE LOWER(deletedrecord.type) = 'contact'");
    expect(pages.at(-1)!.cursor).toEqual({ since: String(pages[2]!.records.at(-1)!.cursorValue) });
  });

  it('loses no row when one already read is edited mid-read', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { contact: 1500 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const seen: string[] = [];
    let edited = false;
    for await (const page of sourceOf('contact').read(ctx, { cursor: null, mode: 'full' })) {
      seen.push(...page.records.map((r) => r.id));
      // Editing a row of the first page moves it to the end: with offsets, every later row would
      // shift one place back and the first row of the next page would never be read.
      if (!edited) { sandbox.touch('contact', page.records[10]!.id); edited = true; }
    }
    expect([...new Set(seen)].sort()).toEqual([...sandbox.store.liveIds('contact')].sort());
  });

  it('reads deletions of its own type from the deletion log as tombstones', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { customer: 3, contact: 3 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const full = await collect(sourceOf('contact').read(ctx, { cursor: null, mode: 'full' }));
    const [contact] = sandbox.store.liveIds('contact');
    const [customer] = sandbox.store.liveIds('customer');
    sandbox.remove('contact', contact!);
    sandbox.remove('customer', customer!);
    const changes = await collect(sourceOf('contact').read(ctx, { cursor: full.at(-1)!.cursor, mode: 'incremental' }));
    const tombstones = changes.flatMap((p) => p.records.filter((r) => r.deleted));
    expect(tombstones.map((r) => r.id)).toEqual([contact]);
    expect(tombstones[0]!.data).toMatchObject({ recordid: contact, deleteddate: expect.stringMatching(/T/) });
  });

  it('re-reads the lookback window before the checkpoint, inclusive', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { contact: 30 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const full = await collect(sourceOf('contact').read(ctx, { cursor: null, mode: 'full' }));
    const since = (full.at(-1)!.cursor as { since: string }).since;
    sandbox.server.clearLog();
    const again = await collect(sourceOf('contact').read(ctx, { cursor: { since }, mode: 'incremental' }));
    expect(queries(sandbox)[0]!.q).toContain(`contact.lastmodifieddate >= TO_TIMESTAMP('${shiftWall(since, -LOOKBACK_MS)}'`);
    // Seeded a minute apart: the ten minutes before the newest modification, both ends included.
    expect(ids(again)).toHaveLength(LOOKBACK_MS / 60_000 + 1);
    expect(again.at(-1)!.cursor).toEqual({ since });
  });

  it('resumes an interrupted read in its own mode from the page cursor', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { phonecall: 1500 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const first = await collect(sourceOf('phonecall').read(ctx, { cursor: null, mode: 'full' }));
    const rest = await collect(sourceOf('phonecall').read(ctx, { cursor: first[0]!.cursor, mode: 'incremental' }));
    expect(new Set([...ids(first.slice(0, 1)), ...ids(rest)]).size).toBe(1500);
    expect(ids(rest)).toHaveLength(500);
  });
});

describe('rows of an unexpected shape', () => {
  it('fail the read with the column named, not with an undefined cursor', () => {
    expect(() => liveRecord(CONTACT, { links: [], id: '12', lastmodifieddate: '1/15/2024' })).toThrow(/lastmodifieddate: a YYYY-MM-DDTHH:MM:SS time/);
  });
});

describe('the checkpoint', () => {
  const state = (high: string | undefined, startedAt: string): ReadState => ({ mode: 'full', phase: 'deleted', high, startedAt });

  it('is the newest modification read, capped at the read\'s start, never before the old one', () => {
    expect(finishedSince(state('2024-01-15T10:35:07', '2024-01-15T12:00:00.000Z'), undefined)).toBe('2024-01-15T10:35:07');
    // A zone ahead of UTC writes times "after" this machine's start: the cap only means a re-read.
    expect(finishedSince(state('2024-01-15T13:10:00', '2024-01-15T12:00:00.000Z'), undefined)).toBe('2024-01-15T12:00:00');
    expect(finishedSince(state('2024-01-15T10:00:00', '2024-01-15T12:00:00.000Z'), '2024-01-15T11:00:00')).toBe('2024-01-15T11:00:00');
  });

  it('keeps the old checkpoint when nothing was read, and is null when there never was one', () => {
    expect(finishedSince(state(undefined, '2024-01-15T12:00:00.000Z'), '2024-01-10T00:00:00')).toBe('2024-01-10T00:00:00');
    expect(finishedSince(state(undefined, '2024-01-15T12:00:00.000Z'), undefined)).toBeNull();
  });
});
