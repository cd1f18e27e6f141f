/**
 * Zendesk's checks on ticket attributes (developer.zendesk.com/api-reference/ticketing/tickets/
 * tickets): a new ticket needs its first comment (`comment.body` or `comment.html_body`), which
 * becomes its description; status, priority and type take their documented values; the requester
 * must be a user and the assignee an agent. A ticket created with an assignee starts `open`, one
 * without `new`. A closed ticket cannot be updated. The wording of these refusals is modelled on
 * Zendesk's `"<Label>: <problem>"` style and none is confirmed in its reference docs ("Description:
 * cannot be blank" under `details.base` and "closed prevents ticket update" are as remembered
 * from live answers; the others are plausible stand-ins).
 */
import { TICKET_STATUSES, type TicketData } from './model.js';
import { add, id, list, picked, text, type Checked, type Details } from './validate.js';

const SETTABLE_STATUSES = TICKET_STATUSES.filter((s) => s !== 'deleted');
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const TYPES = ['problem', 'incident', 'question', 'task'] as const;
const TICKET_KEYS = ['subject', 'comment', 'status', 'priority', 'type', 'requester_id', 'submitter_id', 'assignee_id', 'organization_id', 'group_id', 'external_id', 'tags'] as const;

export interface TicketPeople {
  /** A live user (or the account owner) by id: its role and organization. */
  user(id: number): { role: string; organization_id: number | null } | undefined;
  /** Who is calling: the default requester and submitter. */
  caller: number;
}

export interface TicketComment { body: string; public: boolean }
export type CheckedTicket = Checked<TicketData> & { comment?: TicketComment };

function commentOf(value: unknown): TicketComment | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as { body?: unknown; html_body?: unknown; public?: unknown };
  const body = text(c.body ?? c.html_body)?.trim();
  return body ? { body, public: c.public !== false } : undefined;
}

function oneOf<T extends string>(details: Details, field: string, label: string, value: unknown, allowed: readonly T[], nullable: boolean): T | null | undefined {
  if (value === null && nullable) return null;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  add(details, field, `${label}: ${String(value)} is not a valid value`, 'InvalidValue');
  return undefined;
}

export function checkTicket(input: Record<string, unknown>, current: TicketData | undefined, people: TicketPeople): CheckedTicket {
  const given = picked(input, TICKET_KEYS);
  const details: Details = {};
  if (current?.status === 'closed') {
    add(details, 'status', 'Status: closed prevents ticket update', 'ClosedPreventsUpdate');
    return { ok: false, details };
  }
  const comment = commentOf(given.comment);
  if (!current && !comment) add(details, 'base', 'Description: cannot be blank', 'BlankValue');
  const data: TicketData = current ? { ...current } : {
    subject: '', description: comment?.body ?? '', status: 'new', priority: null, type: null, requester_id: people.caller, submitter_id: people.caller,
    assignee_id: null, organization_id: null, group_id: null, external_id: null, tags: [], channel: 'api',
  };
  if ('subject' in given) data.subject = (text(given.subject) ?? '').replace(/[\r\n]+/g, ' ').trim();
  if ('status' in given) data.status = oneOf(details, 'status', 'Status', given.status, SETTABLE_STATUSES, false) ?? data.status;
  if ('priority' in given) data.priority = oneOf(details, 'priority', 'Priority', given.priority, PRIORITIES, true) ?? null;
  if ('type' in given) data.type = oneOf(details, 'type', 'Type', given.type, TYPES, true) ?? null;
  for (const [key, label] of [['requester_id', 'Requester'], ['submitter_id', 'Submitter']] as const) {
    if (!(key in given)) continue;
    const who = id(given[key]);
    if (who === null || !people.user(who)) add(details, key.replace('_id', ''), `${label}: is invalid`, 'InvalidValue');
    else data[key] = who;
  }
  if ('assignee_id' in given) {
    const who = id(given.assignee_id);
    const user = who === null ? undefined : people.user(who);
    if (who !== null && (!user || user.role === 'end-user')) add(details, 'assignee', 'Assignee: is not an agent', 'InvalidValue');
    else data.assignee_id = who;
  }
  for (const key of ['organization_id', 'group_id'] as const) if (key in given) data[key] = id(given[key]);
  if ('external_id' in given) data.external_id = text(given.external_id);
  if ('tags' in given) data.tags = [...new Set(list(given.tags).map((t) => t.toLowerCase()))];
  if (!current) {
    if (!('organization_id' in given)) data.organization_id = people.user(data.requester_id)?.organization_id ?? null;
    if (data.status === 'new' && data.assignee_id !== null) data.status = 'open';
  }
  if (Object.keys(details).length > 0) return { ok: false, details };
  return { ok: true, data, ...(comment ? { comment } : {}) };
}
