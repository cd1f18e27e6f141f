/**
 * The Jira quirk behind writing `status`: it is not an editable field but the result of a
 * workflow transition. `GET /rest/api/3/issue/{id}/transitions` lists the transitions available
 * from the issue's current status (each with the status it leads `to`); `POST` with
 * `{ transition: { id } }` performs one (204). Only one step is taken: which statuses can be
 * reached in several depends on the workflow, and guessing a path could run post-functions
 * (notifications, field changes) the tenant never asked for.
 */
import { ConnectorError, isConnectorError, unwrap } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';
import { issuePath } from './issue-reads.js';
import { issueSchema, transitionsSchema, type Transition } from './schemas.js';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function availableTransitions(ctx: ConnectorContext, issueId: string): Promise<Transition[]> {
  const body = unwrap(await ctx.http.request({ url: `${issuePath(issueId)}/transitions`, schema: transitionsSchema, signal: ctx.signal }));
  return body.transitions.filter((t) => t.isAvailable !== false);
}

/** The transition that leads to `status` (by target status name, else by transition name). */
export function transitionFor(transitions: Transition[], status: string): Transition | undefined {
  return transitions.find((t) => same(t.to.name, status)) ?? transitions.find((t) => same(t.name, status));
}

/** What moving to a status takes: nothing (already there), one transition, or a refusal. */
export type TransitionPlan = { kind: 'none' } | { kind: 'transition'; transition: Transition } | { kind: 'refused'; error: ConnectorError };

/**
 * Finds the one transition to `status` before anything is written, so an update whose status
 * cannot be reached is refused whole instead of leaving its field edits applied.
 */
export async function planTransition(ctx: ConnectorContext, issueId: string, status: string): Promise<TransitionPlan> {
  return recordRefusal(async () => {
    const transitions = await availableTransitions(ctx, issueId);
    const chosen = transitionFor(transitions, status);
    if (chosen) return { kind: 'transition', transition: chosen };
    const current = unwrap(await ctx.http.request({ url: issuePath(issueId), query: { fields: 'status' }, schema: issueSchema, signal: ctx.signal }));
    if (current.fields.status?.name && same(current.fields.status.name, status)) return { kind: 'none' };
    const reachable = [...new Set(transitions.map((t) => t.to.name))].join(', ') || 'none';
    return { kind: 'refused', error: new ConnectorError(`jira has no transition from "${current.fields.status?.name ?? 'its status'}" to "${status}" for issue ${issueId} (reachable: ${reachable})`, {
      kind: 'validation', status: 400, code: 'no_transition', fields: [{ field: 'status', message: `no transition leads to "${status}"; reachable: ${reachable}` }],
    }) };
  });
}

/** Performs a planned transition; a refusal (a validator, a condition) belongs to the record. */
export async function performTransition(ctx: ConnectorContext, issueId: string, plan: TransitionPlan): Promise<ConnectorError | undefined> {
  if (plan.kind === 'refused') return plan.error;
  if (plan.kind === 'none') return undefined;
  const done = await recordRefusal(async () => {
    unwrap(await ctx.http.request({ method: 'POST', url: `${issuePath(issueId)}/transitions`, json: { transition: { id: plan.transition.id } }, signal: ctx.signal }));
    return { kind: 'none' } as TransitionPlan;
  });
  return done.kind === 'refused' ? done.error : undefined;
}

/** Moves an issue to `status` by one transition; undefined when done (or already there). */
export async function transitionTo(ctx: ConnectorContext, issueId: string, status: string): Promise<ConnectorError | undefined> {
  return performTransition(ctx, issueId, await planTransition(ctx, issueId, status));
}

const RECORD_KINDS = ['validation', 'conflict', 'not_found'];

/** Refusals belong to the record; anything else (auth, an outage) stops the load. */
async function recordRefusal(fn: () => Promise<TransitionPlan>): Promise<TransitionPlan> {
  try {
    return await fn();
  } catch (error) {
    if (isConnectorError(error) && RECORD_KINDS.includes(error.kind)) return { kind: 'refused', error };
    throw error;
  }
}
