/**
 * Reading issues back by id for loads (snapshot and verify). One JQL search per 50 ids with
 * `reconcileIssues`, the search's read-after-write switch (it is otherwise eventually
 * consistent, so an issue written a moment ago may be missing or stale). Jira refuses a JQL
 * naming an issue that no longer exists ("An issue with key 'X' does not exist"), so then the
 * issues are read one by one (`GET /rest/api/3/issue/{id}`, 404 when gone).
 */
import { unwrap, type ConnectorResponse } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';
import { SEARCH_PATH } from './issues-source.js';
import { issuesJql } from './jql.js';
import { IN_FLIGHT, mapLimit } from './pool.js';
import { issueSchema, searchPageSchema, type JiraIssue } from './schemas.js';

/** At most this many ids in one `reconcileIssues`. */
export const RECONCILE_LIMIT = 50;

export const issuePath = (id: string) => `/rest/api/3/issue/${encodeURIComponent(id)}`;

export async function readIssue(ctx: ConnectorContext, ref: string, fields: string[]): Promise<JiraIssue | null> {
  const res = await ctx.http.request({ url: issuePath(ref), query: { fields: fields.join(',') }, schema: issueSchema, signal: ctx.signal });
  if (!res.ok && res.error?.kind === 'not_found') return null;
  return unwrap(res);
}

/** The issues for up to 50 ids or keys, in their order; null for those that are gone. */
export async function readIssues(ctx: ConnectorContext, refs: string[], fields: string[]): Promise<Array<JiraIssue | null>> {
  const reconcileIssues = refs.filter((r) => /^\d+$/.test(r)).map(Number);
  const res: ConnectorResponse<{ issues: JiraIssue[] }> = await ctx.http.request({
    method: 'POST', url: SEARCH_PATH, replayable: true, schema: searchPageSchema, signal: ctx.signal,
    json: { jql: issuesJql(refs), fields, maxResults: RECONCILE_LIMIT, reconcileIssues },
  });
  if (!res.ok && res.error?.kind === 'validation') return mapLimit(refs, IN_FLIGHT, (ref) => readIssue(ctx, ref, fields));
  const issues = unwrap(res).issues;
  return refs.map((ref) => issues.find((i) => i.id === ref || i.key.toUpperCase() === ref.toUpperCase()) ?? null);
}
