/**
 * Issues as a destination. Create: bulk, 50 a call (issue-creates.ts). Update:
 * `PUT /rest/api/3/issue/{id}` (204), then a transition when `status` is written. Delete:
 * `DELETE /rest/api/3/issue/{id}` (204; only the read after it proves it). Get: batched JQL
 * with `reconcileIssues` (issue-reads.ts). Jira cannot undelete: a restore re-creates the issue,
 * which gets a new id and key.
 */
import type { ConnectorContext, DestinationOperations, WriteOutcome } from '../../src/registry/index.js';
import { flattenIssue, normaliseField, READ_ONLY_FIELDS, toJiraWrite, writableOf, type JiraWrite } from './fields.js';
import { BULK_LIMIT, createIssues } from './issue-creates.js';
import { issuePath, readIssues, RECONCILE_LIMIT } from './issue-reads.js';
import { ISSUE_FIELDS } from './issues-source.js';
import { isIssueRef } from './jql.js';
import { chunks, IN_FLIGHT, mapLimit } from './pool.js';
import { performTransition, planTransition } from './transitions.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function jiraDestination(): DestinationOperations {
  // Custom fields a load wrote through this context, so reading back for verify includes them.
  const written = new WeakMap<ConnectorContext, Set<string>>();
  const remember = (ctx: ConnectorContext) => (writes: JiraWrite[]) => {
    const names = written.get(ctx) ?? new Set<string>();
    for (const write of writes) for (const name of Object.keys(write.fields)) names.add(name);
    written.set(ctx, names);
  };
  const readFields = (ctx: ConnectorContext) => [...new Set([...ISSUE_FIELDS, ...(written.get(ctx) ?? [])])];
  const defaults = (ctx: ConnectorContext) => ({ projectKey: text(ctx.config.projectKey), issueType: text(ctx.config.issueType) ?? 'Task' });
  const create = (ctx: ConnectorContext, records: Array<Record<string, unknown>>) => createIssues(ctx, records, defaults(ctx), remember(ctx));

  return {
    batchSize: BULK_LIMIT,
    ignoreOnVerify: READ_ONLY_FIELDS,
    normalise: normaliseField,

    async get(ctx, ids) {
      const found = new Map<string, Record<string, unknown> | null>(ids.map((id) => [id, null]));
      for (const part of chunks(ids.filter(isIssueRef), RECONCILE_LIMIT)) {
        const issues = await readIssues(ctx, part, readFields(ctx));
        part.forEach((ref, i) => found.set(ref, issues[i] ? flattenIssue(issues[i]!) : null));
      }
      return found;
    },

    async create(ctx, records) {
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(records, BULK_LIMIT)) outcomes.push(...(await create(ctx, part)));
      return outcomes;
    },

    update(ctx, records) {
      return mapLimit(records, IN_FLIGHT, async ({ id, fields }): Promise<WriteOutcome> => {
        const write = toJiraWrite(fields);
        remember(ctx)([write]);
        // The status is checked first: an unreachable one refuses the record before its fields change.
        const plan = write.status === undefined ? undefined : await planTransition(ctx, id, write.status);
        if (plan?.kind === 'refused') return { ok: false, error: plan.error };
        if (Object.keys(write.fields).length > 0) {
          const res = await ctx.http.request({ method: 'PUT', url: issuePath(id), json: { fields: write.fields }, signal: ctx.signal });
          if (!res.ok) return { ok: false, error: res.error! };
        }
        const error = plan ? await performTransition(ctx, id, plan) : undefined;
        return error ? { ok: false, error } : { ok: true, id };
      });
    },

    delete(ctx, ids) {
      return mapLimit(ids, IN_FLIGHT, async (id): Promise<WriteOutcome> => {
        const res = await ctx.http.request({ method: 'DELETE', url: issuePath(id), signal: ctx.signal });
        // Already gone is what a delete wants; the read after it still checks.
        if (res.ok || res.error?.kind === 'not_found') return { ok: true, id };
        return { ok: false, error: res.error! };
      });
    },

    async restore(ctx, _id, snapshot) {
      const [outcome] = await create(ctx, [writableOf(snapshot)]);
      return outcome!;
    },
  };
}
