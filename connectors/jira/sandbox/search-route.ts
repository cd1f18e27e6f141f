/**
 * `GET` and `POST /rest/api/3/search/jql`, the enhanced search: JQL must be bounded; results
 * are keyset-paged by `nextPageToken` (no `startAt`, no `total`), `isLast` marks the last page;
 * `fields` defaults to ids only; `maxResults` defaults to 50, up to 5,000 for ids and keys only
 * and 100 when fields are asked for; `reconcileIssues` (at most 50 ids) reads those issues
 * fresh instead of from the trailing index. Anonymous callers see no issues.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { jqlError, UNBOUNDED_JQL } from './errors.js';
import { compileJql } from './jql-eval.js';
import { parseJql } from './jql-parse.js';
import { issueToken, readToken } from './page-token.js';
import { fieldSelection, renderIssue } from './render.js';
import { listParam, object, zoneOf, type Principal, type RouteContext } from './context.js';

interface SearchInput { jql: string; token?: string; maxResults?: unknown; fields?: string[]; reconcile: string[] }

function inputOf(req: SandboxRequest<Principal>): SearchInput {
  if (req.method === 'POST') {
    const body = object(req.body);
    return {
      jql: typeof body.jql === 'string' ? body.jql : '', token: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
      maxResults: body.maxResults, fields: listParam(body.fields), reconcile: listParam(body.reconcileIssues) ?? [],
    };
  }
  const all = (name: string) => (req.searchParams.has(name) ? req.searchParams.getAll(name) : undefined);
  return { jql: req.query.jql ?? '', token: req.query.nextPageToken, maxResults: req.query.maxResults, fields: listParam(all('fields')), reconcile: listParam(all('reconcileIssues')) ?? [] };
}

function pageSize(raw: unknown, wanted: Set<string>): number {
  const idsOnly = [...wanted].every((f) => f === 'id' || f === 'key');
  const cap = idsOnly ? 5000 : 100;
  if (raw === undefined || raw === null || raw === '') return Math.min(50, cap);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw jqlError(`The value '${String(raw)}' is invalid for the parameter 'maxResults'.`);
  return Math.min(n, cap);
}

export function registerSearchRoute(ctx: RouteContext): void {
  ctx.server.route(['GET', 'POST'], '/rest/api/3/search/jql', (req) => {
    const input = inputOf(req);
    const query = parseJql(input.jql);
    if (!query.where) throw jqlError(UNBOUNDED_JQL);
    if (input.reconcile.length > 50) throw jqlError('The number of reconcileIssues must not exceed 50.');
    if (req.auth.accountId === null) return { status: 200, body: { issues: [], isLast: true } };
    const now = ctx.store.clock.now();
    const timeZone = zoneOf(ctx, req);
    const compiled = compileJql(query, { store: ctx.store, timeZone, now });
    const wanted = fieldSelection(input.fields);
    const limit = pageSize(input.maxResults, wanted);
    const after = input.token ? readToken(input.token, input.jql, now) : undefined;
    const hits = ctx.store.searchable(new Set(input.reconcile))
      .filter(compiled.matches)
      .map((entry) => ({ entry, tuple: compiled.tuple(entry) }))
      .filter((hit) => after === undefined || compiled.compare(hit.tuple, after) > 0)
      .sort((a, b) => compiled.compare(a.tuple, b.tuple));
    const page = hits.slice(0, limit);
    const more = hits.length > limit && page.length > 0;
    const body: Record<string, unknown> = { issues: page.map((hit) => renderIssue(req.baseUrl, ctx.store, hit.entry, wanted, timeZone)) };
    if (more) body.nextPageToken = issueToken(input.jql, page.at(-1)!.tuple, now);
    body.isLast = !more;
    return { status: 200, body };
  });
}
