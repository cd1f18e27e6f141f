/**
 * Users as a source: `GET /rest/api/3/users/search?startAt&maxResults`, every account the site
 * knows (active, inactive and previously deleted ones), as Person. Bots (`app` accounts) are
 * skipped; deactivated and deleted accounts become tombstones. Changes are found by fingerprint
 * (see users-cursor.ts); deletes are confirmed by reconciliation after a full read.
 *
 * The declared offset paginator ends at the first short page; this one ends at the first empty
 * page instead, since Jira may serve fewer than `maxResults` (it caps page sizes and filters by
 * the caller's permissions) while more remain.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext, Page, ReadOptions, SourceOperations, SourceRecord } from '../../src/registry/index.js';
import { fingerprint, isPerson, userRecord, vanishedUser } from './records.js';
import { usersPageSchema } from './schemas.js';
import { startingUsers, type UserReadState } from './users-cursor.js';

export const USERS_PATH = '/rest/api/3/users/search';

/** Jira's largest page for this endpoint. */
export const USER_PAGE_SIZE = 1000;

async function* readUsers(ctx: ConnectorContext, options: ReadOptions): AsyncGenerator<Page> {
  const start = startingUsers(options.cursor, options.mode, Date.now());
  if ('done' in start) return yield { records: [], cursor: start.done, hasMore: false };
  const { since, snapshot } = start.given;
  let state: UserReadState = start.state;
  for (;;) {
    const { users } = unwrap(await ctx.http.request({
      url: USERS_PATH, query: { startAt: state.startAt, maxResults: USER_PAGE_SIZE }, schema: usersPageSchema, signal: ctx.signal,
    }));
    if (users.length === 0) {
      const gone: SourceRecord[] = snapshot ? Object.keys(snapshot).filter((id) => !(id in state.seen)).map(vanishedUser) : [];
      return yield { records: gone, cursor: { since: state.startedAt, snapshot: state.seen }, hasMore: false };
    }
    const seen = { ...state.seen };
    const records: SourceRecord[] = [];
    for (const user of users.filter(isPerson)) {
      const hash = fingerprint(user);
      const changed = state.mode === 'full' || snapshot?.[user.accountId] !== hash;
      seen[user.accountId] = hash;
      if (changed) records.push(userRecord(user));
    }
    state = { ...state, startAt: state.startAt + users.length, seen };
    yield { records, cursor: { since, snapshot, read: state }, hasMore: true };
  }
}

export const usersSource: SourceOperations = { deletes: 'reconcile', read: (ctx, options) => readUsers(ctx, options) };
