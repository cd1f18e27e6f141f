/**
 * Creating issues: `POST /rest/api/3/issue/bulk`, up to 50 a call, one outcome per input (see
 * outcomes.ts). A status is reached afterwards by a transition; an issue whose status cannot be
 * reached is deleted again, so the record fails whole instead of leaving a half-made issue.
 */
import type { ConnectorContext, WriteOutcome } from '../../src/registry/index.js';
import { toJiraWrite, type JiraWrite, type WriteDefaults } from './fields.js';
import { issuePath } from './issue-reads.js';
import { bulkOutcomes } from './outcomes.js';
import { IN_FLIGHT, mapLimit } from './pool.js';
import { createdIssuesSchema } from './schemas.js';
import { transitionTo } from './transitions.js';

/** Jira's limit on `issueUpdates` in one bulk create. */
export const BULK_LIMIT = 50;

async function applyStatus(ctx: ConnectorContext, outcome: WriteOutcome, status: string | undefined): Promise<WriteOutcome> {
  if (!outcome.ok || status === undefined) return outcome;
  const error = await transitionTo(ctx, outcome.id, status);
  if (!error) return outcome;
  const undone = await ctx.http.request({ method: 'DELETE', url: issuePath(outcome.id), signal: ctx.signal });
  if (!undone.ok) {
    // Reported as created, so the load knows the id; verify will show the status it has.
    ctx.logger.warn({ issue: outcome.id }, 'created an issue whose status could not be set, and could not delete it again');
    return outcome;
  }
  return { ok: false, error };
}

/** One bulk call: at most BULK_LIMIT records. `onWrite` sees the fields sent (read back later). */
export async function createIssues(ctx: ConnectorContext, records: Array<Record<string, unknown>>, defaults: WriteDefaults, onWrite: (writes: JiraWrite[]) => void): Promise<WriteOutcome[]> {
  const writes = records.map((r) => toJiraWrite(r, defaults, true));
  onWrite(writes);
  const res = await ctx.http.request({ method: 'POST', url: '/rest/api/3/issue/bulk', json: { issueUpdates: writes.map((w) => ({ fields: w.fields })) }, signal: ctx.signal });
  const answer = createdIssuesSchema.safeParse(res.body);
  // 201, or a 400 carrying every input's error: both are per-record answers.
  if (answer.success && (res.ok || (res.status === 400 && answer.data.errors.length > 0))) {
    const outcomes = bulkOutcomes(records.length, answer.data);
    return mapLimit(outcomes, IN_FLIGHT, (outcome, i) => applyStatus(ctx, outcome, writes[i]!.status));
  }
  const error = res.error!;
  if (!['validation', 'conflict', 'not_found'].includes(error.kind)) throw error;
  return records.map(() => ({ ok: false as const, error }));
}
