/**
 * Issue routes: create (`POST /rest/api/3/issue`, 201 `{ id, key, self }`), bulk create
 * (`POST /rest/api/3/issue/bulk`, at most 50; 201 when any was created, 400 when none was, both
 * with `{ issues, errors[].failedElementNumber }`), get (404 when gone), edit (`PUT`, 204, or
 * 200 with the issue for `returnIssue=true`) and delete (204; a `fake_delete` fault answers 204
 * and deletes nothing, which only a read afterwards shows).
 */
import { fieldErrors, issueNotFound, jiraError } from './errors.js';
import { createdAnswer, createIssue, editIssue } from './issue-writes.js';
import { fieldSelection, renderIssue } from './render.js';
import { listParam, object, zoneOf, type RouteContext } from './context.js';

export const BULK_LIMIT = 50;

export function registerIssueRoutes(ctx: RouteContext): void {
  const { server, store } = ctx;

  server.route('POST', '/rest/api/3/issue', (req) => {
    const result = createIssue(ctx, req.auth, req.body);
    if (!result.ok) throw fieldErrors(result.errors);
    return { status: 201, body: createdAnswer(req.baseUrl, result.entry) };
  });

  server.route('POST', '/rest/api/3/issue/bulk', (req) => {
    const updates = object(req.body).issueUpdates;
    if (!Array.isArray(updates)) throw jiraError(400, ['issueUpdates is required.']);
    if (updates.length > BULK_LIMIT) throw jiraError(400, [`The number of issues to create in bulk must not exceed ${BULK_LIMIT}.`]);
    const issues: unknown[] = [];
    const errors: unknown[] = [];
    updates.forEach((update, i) => {
      const result = createIssue(ctx, req.auth, update);
      if (result.ok) issues.push(createdAnswer(req.baseUrl, result.entry));
      else errors.push({ status: 400, elementErrors: { errorMessages: [], errors: result.errors, status: 400 }, failedElementNumber: i });
    });
    return { status: issues.length > 0 || updates.length === 0 ? 201 : 400, body: { issues, errors } };
  });

  server.route('GET', '/rest/api/3/issue/:issueIdOrKey', (req) => {
    const entry = store.issue(req.params.issueIdOrKey ?? '');
    if (!entry) throw issueNotFound();
    // A single issue answers every field unless told otherwise.
    const wanted = fieldSelection(listParam(req.searchParams.has('fields') ? req.searchParams.getAll('fields') : undefined) ?? ['*all']);
    return { status: 200, body: renderIssue(req.baseUrl, store, entry, wanted.size > 0 ? wanted : fieldSelection(['*all']), zoneOf(ctx, req)) };
  });

  server.route('PUT', '/rest/api/3/issue/:issueIdOrKey', (req) => {
    const entry = store.issue(req.params.issueIdOrKey ?? '');
    if (!entry) throw issueNotFound();
    const result = editIssue(ctx, entry, req.body);
    if (!result.ok) throw fieldErrors(result.errors);
    if (req.query.returnIssue !== 'true') return { status: 204 };
    return { status: 200, body: renderIssue(req.baseUrl, store, result.entry, fieldSelection(['*all']), zoneOf(ctx, req)) };
  });

  server.route('DELETE', '/rest/api/3/issue/:issueIdOrKey', (req) => {
    const entry = store.issue(req.params.issueIdOrKey ?? '');
    if (!entry) throw issueNotFound();
    if (!server.faults.consume('fake_delete', req)) store.removeIssue(entry.id);
    return { status: 204 };
  });
}
