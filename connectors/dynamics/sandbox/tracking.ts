/**
 * Change tracking (`Prefer: odata.track-changes`). The first read answers the whole table by
 * primary key, page after page, and its last page carries `@odata.deltaLink` with a token for
 * the version the read began at, so a change made while it paged is in the next delta. A delta
 * read answers the rows changed after the token's version (current values, oldest change first)
 * and then the deletions as `{ "@odata.context": "…/$deletedEntity", id, reason: "deleted" }`,
 * paged the same way, and ends with a new delta link. Tokens may be used again until they expire.
 */
import type { Clock, SandboxResponse } from '../../../src/sandbox/index.js';
import { answer, apiBase, appliedOf, context, link, rendered, type Listing } from './collection.js';
import { expiredToken } from './errors.js';
import { deltaToken, parseDeltaToken, type Cookie } from './paging.js';
import type { DataverseStore, Row, Tombstone } from './store.js';

export interface TrackingContext {
  store: DataverseStore;
  clock: Clock;
  /** The organization's ExpireChangeTrackingInDays. @default 7 */
  expireDays: number;
  /** Entity sets whose table has "Track changes" off. @default none */
  untracked: ReadonlySet<string>;
}

export function wholeTable(t: TrackingContext, l: Listing, cookie: Cookie | undefined): SandboxResponse {
  const version = cookie?.version ?? t.store.currentVersion;
  const rest = t.store.rows(l.table).filter((row) => cookie?.last === undefined || row.id > cookie.last);
  const page = rest.slice(0, l.pageSize);
  const body: Record<string, unknown> = { '@odata.context': context(l), value: rendered(l, page) };
  if (rest.length > page.length) body['@odata.nextLink'] = link(l, { cookie: { page: (cookie?.page ?? 1) + 1, tracking: true, version, last: page.at(-1)!.id } });
  else body['@odata.deltaLink'] = link(l, { delta: deltaToken(version, t.clock.now()) });
  return answer(l, body, appliedOf(l, true));
}

type Change = { kind: 0; version: number; row: Row } | { kind: 1; version: number; grave: Tombstone };

export function changesSince(t: TrackingContext, l: Listing, token: string, cookie: Cookie | undefined): SandboxResponse {
  const from = parseDeltaToken(token);
  if (t.clock.now() - from.at > t.expireDays * 86_400_000) throw expiredToken(t.expireDays);
  const upTo = Math.max(from.version, cookie?.version ?? t.store.currentVersion);
  const { rows, deleted } = t.store.changes(l.table, from.version, upTo);
  const all: Change[] = [...rows.map((row): Change => ({ kind: 0, version: row.versionnumber, row })), ...deleted.map((grave): Change => ({ kind: 1, version: grave.versionnumber, grave }))];
  const lastKind = cookie?.deletions ? 1 : 0;
  const start = cookie?.after === undefined ? 0 : all.findIndex((c) => c.kind > lastKind || (c.kind === lastKind && c.version > cookie.after!));
  const page = start < 0 ? [] : all.slice(start, start + l.pageSize);
  const value = page.map((c) => (c.kind === 0 ? rendered(l, [c.row])[0] : { '@odata.context': `${apiBase(l)}/$metadata#${l.table.set}/$deletedEntity`, id: c.grave.id, reason: 'deleted' }));
  const body: Record<string, unknown> = { '@odata.context': context(l, '/$delta'), value };
  const last = page.at(-1);
  if (start >= 0 && start + page.length < all.length && last) {
    body['@odata.nextLink'] = link(l, { delta: token, cookie: { page: (cookie?.page ?? 1) + 1, tracking: true, version: upTo, after: last.version, deletions: last.kind === 1 } });
  } else {
    body['@odata.deltaLink'] = link(l, { delta: deltaToken(upTo, t.clock.now()) });
  }
  return answer(l, body, appliedOf(l, true));
}
