/**
 * Creating and editing issues against the store, shared by the single and bulk create routes
 * and by edit: field checks first (all refusals at once, keyed by field), then the write.
 */
import { DEFAULT_PRIORITY, INITIAL_STATUS } from './catalog.js';
import { NOT_SETTABLE } from './errors.js';
import type { Principal, RouteContext } from './context.js';
import { object } from './context.js';
import type { IssueEntry, StoredIssue } from './store.js';
import { checkFields } from './validate.js';

export type CreateResult = { ok: true; entry: IssueEntry } | { ok: false; errors: Record<string, string> };

/** `update: { labels: [{ add: 'x' }], summary: [{ set: 'y' }] }`, folded into plain field values. */
function applyVerbs(fields: Record<string, unknown>, update: Record<string, unknown>, current: StoredIssue | undefined, errors: Record<string, string>): Record<string, unknown> {
  const out = { ...fields };
  for (const [name, operations] of Object.entries(update)) {
    for (const operation of Array.isArray(operations) ? operations.map(object) : []) {
      if ('set' in operation) out[name] = operation.set;
      else if (name === 'labels' && ('add' in operation || 'remove' in operation)) {
        const labels = new Set((out.labels as string[] | undefined) ?? current?.labels ?? []);
        if (typeof operation.add === 'string') labels.add(operation.add);
        if (typeof operation.remove === 'string') labels.delete(operation.remove);
        out.labels = [...labels];
      } else errors[name] = NOT_SETTABLE(name);
    }
  }
  return out;
}

export function createIssue(ctx: RouteContext, principal: Principal, input: unknown): CreateResult {
  const body = object(input);
  const errors: Record<string, string> = {};
  const fields = applyVerbs(object(body.fields), object(body.update), undefined, errors);
  const checked = checkFields(ctx.store, fields, 'create');
  Object.assign(errors, checked.errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const v = checked.values;
  const entry = ctx.store.createIssue({
    projectKey: v.projectKey!, number: ctx.store.nextNumber(v.projectKey!), summary: v.summary!, description: v.description ?? null,
    issuetypeId: v.issuetypeId!, statusId: INITIAL_STATUS, priorityId: v.priorityId === undefined ? DEFAULT_PRIORITY : v.priorityId,
    assignee: v.assignee ?? null, reporter: v.reporter ?? principal.accountId!, labels: v.labels ?? [], duedate: v.duedate ?? null, custom: v.custom ?? {},
  });
  return { ok: true, entry };
}

export function editIssue(ctx: RouteContext, entry: IssueEntry, input: unknown): { ok: true; entry: IssueEntry } | { ok: false; errors: Record<string, string> } {
  const body = object(input);
  const errors: Record<string, string> = {};
  const fields = applyVerbs(object(body.fields), object(body.update), entry.data, errors);
  const checked = checkFields(ctx.store, fields, 'edit');
  Object.assign(errors, checked.errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { custom, ...rest } = checked.values;
  const updated = ctx.store.updateIssue(entry.id, (current) => ({ ...current, ...rest, custom: { ...current.custom, ...custom } }))!;
  return { ok: true, entry: updated };
}

export function createdAnswer(base: string, entry: IssueEntry): Record<string, unknown> {
  return { id: entry.id, key: `${entry.data.projectKey}-${entry.data.number}`, self: `${base}/rest/api/3/issue/${entry.id}` };
}
