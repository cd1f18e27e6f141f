import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { Collection } from './collection.js';
import { prefixedIds } from './ids.js';

interface Contact {
  email: string;
  name?: string;
}

function setup() {
  const clock = new ManualClock(1_000);
  return { clock, contacts: new Collection<Contact>({ clock }) };
}

describe('Collection', () => {
  it('gives sequential ids and stamps createdAt and updatedAt from the clock', () => {
    const { contacts } = setup();
    const a = contacts.insert({ email: 'a@x.io' });
    const b = contacts.insert({ email: 'b@x.io' });
    expect([a.id, b.id]).toEqual(['1', '2']);
    // Same instant on purpose: incremental syncs must cope with equal timestamps.
    expect([a.createdAt, a.updatedAt, b.createdAt]).toEqual([1_000, 1_000, 1_000]);
    expect(a).toMatchObject({ version: 1, archived: false, archivedAt: undefined });
    expect(contacts.size).toBe(2);
  });

  it('merges an update, bumps updatedAt and version, and leaves earlier snapshots untouched', () => {
    const { clock, contacts } = setup();
    const before = contacts.insert({ email: 'a@x.io', name: 'A' });
    clock.advance(50);
    const after = contacts.update(before.id, { name: 'Ann' });
    expect(after).toMatchObject({ data: { email: 'a@x.io', name: 'Ann' }, createdAt: 1_000, updatedAt: 1_050, version: 2 });
    expect(before.data.name).toBe('A');
    expect(contacts.update(before.id, (d) => ({ email: d.email }))?.data).toEqual({ email: 'a@x.io' });
    expect(contacts.get(before.id)?.version).toBe(3);
    expect(contacts.update('missing', { name: 'x' })).toBeUndefined();
  });

  it('archive keeps the record with archivedAt; archiving twice changes nothing; restore undoes it', () => {
    const { clock, contacts } = setup();
    const { id } = contacts.insert({ email: 'a@x.io' });
    clock.advance(10);
    const archived = contacts.archive(id);
    expect(archived).toMatchObject({ archived: true, archivedAt: 1_010, updatedAt: 1_010, version: 2 });
    clock.advance(10);
    expect(contacts.archive(id)).toBe(archived);
    expect(contacts.list()).toEqual([]);
    expect(contacts.list({ includeArchived: true }).map((e) => e.id)).toEqual([id]);
    expect(contacts.get(id)?.archived).toBe(true);
    expect(contacts.restore(id)).toMatchObject({ archived: false, archivedAt: undefined, version: 3 });
  });

  it('remove deletes for good and leaves a tombstone for the deleted feed', () => {
    const { clock, contacts } = setup();
    contacts.seed(3, (i) => ({ email: `${i}@x.io` }));
    clock.advance(100);
    expect(contacts.remove('2')).toEqual({ id: '2', deletedAt: 1_100, data: { email: '1@x.io' } });
    clock.advance(100);
    contacts.archive('3');
    contacts.remove('3');
    expect(contacts.get('2')).toBeUndefined();
    expect(contacts.size).toBe(1);
    expect(contacts.remove('2')).toBeUndefined();
    expect(contacts.tombstones().map((t) => t.id)).toEqual(['2', '3']);
    expect(contacts.tombstones(1_200).map((t) => t.id)).toEqual(['3']);
    expect(contacts.tombstones(1_201)).toEqual([]);
  });

  it('lists in a stable order: sort field first, then id numerically', () => {
    const { clock, contacts } = setup();
    contacts.seed(12, (i) => ({ email: `${i}@x.io` }));
    clock.advance(5);
    contacts.update('3', { name: 'later' });
    const byUpdated = contacts.list({ sortBy: 'updatedAt' }).map((e) => e.id);
    expect(byUpdated).toEqual(['1', '2', '4', '5', '6', '7', '8', '9', '10', '11', '12', '3']);
    expect(contacts.list({ sortBy: 'updatedAt', order: 'desc' }).map((e) => e.id).slice(0, 3)).toEqual(['3', '12', '11']);
    expect(contacts.list({ sortBy: (e) => e.data.email, filter: (e) => e.data.email < '2' }).map((e) => e.id)).toEqual(['1', '11', '12', '2']);
  });

  it('sees changes made after a cached list', () => {
    const { contacts } = setup();
    contacts.seed(2, (i) => ({ email: `${i}` }));
    expect(contacts.list()).toHaveLength(2);
    contacts.insert({ email: 'new' });
    expect(contacts.list()).toHaveLength(3);
    contacts.archive('1');
    expect(contacts.list()).toHaveLength(2);
    expect(contacts.list({ includeArchived: true })).toHaveLength(3);
  });

  it('accepts natural ids and refuses a duplicate', () => {
    const { contacts } = setup();
    contacts.insert({ email: 'a' }, { id: 'ext-1', at: 5 });
    expect(contacts.get('ext-1')?.createdAt).toBe(5);
    expect(() => contacts.insert({ email: 'b' }, { id: 'ext-1' })).toThrow(/already holds/);
    contacts.clear();
    expect(contacts.size).toBe(0);
  });

  it('uses the id generator it was given', () => {
    const customers = new Collection<Contact>({ ids: prefixedIds('cus_') });
    expect(customers.insert({ email: 'a' }).id).toMatch(/^cus_[0-9A-Za-z]{14}$/);
  });
});
