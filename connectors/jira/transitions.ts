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

/**
 * Moves an issue to `status` by one transition. Answers undefined when done (or already
 * there), or the error of this record: a status no transition leads to names the field.
 */
export async function transitionTo(ctx: ConnectorContext, issueId: string, status: string): Promise<ConnectorError | undefined> {
  try {
    return await transition(ctx, issueId, status);
  } catch (error) {
    // Refusals belong to the record; anything else (auth, an outage) stops the load.
    if (isConnectorError(error) && RECORD_KINDS.includes(error.kind)) return error;
    throw error;
  }
}

const RECORD_KINDS = ['validation', 'conflict', 'not_found'];

async function transition(ctx: ConnectorContext, issueId: string, status: string): Promise<ConnectorError | undefined> {
  const transitions = await availableTransitions(ctx, issueId);
  const chosen = transitionFor(transitions, status);
  if (!chosen) {
    const current = unwrap(await ctx.http.request({ url: issuePath(issueId), query: { fields: 'status' }, schema: issueSchema, signal: ctx.signal }));
    if (current.fields.status?.name && same(current.fields.status.name, status)) return undefined;
    const reachable = [...new Set(transitions.map((t) => t.to.name))].join(', ') || 'none';
    return new ConnectorError(`jira has no transition from "${current.fields.status?.name ?? 'its status'}" to "${status}" for issue ${issueId} (reachable: ${reachable})`, {
      kind: 'validation', status: 400, code: 'no_transition', fields: [{ field: 'status', message: `no transition leads to "${status}"; reachable: ${reachable}` }],
    });
  }
  unwrap(await ctx.http.request({ method: 'POST', url: `${issuePath(issueId)}/transitions`, json: { transition: { id: chosen.id } }, signal: ctx.signal }));
  return undefined;
}
