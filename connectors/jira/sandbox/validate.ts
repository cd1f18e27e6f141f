/**
 * What Jira accepts in `fields` on create and edit, and its refusals, keyed by field id as its
 * ErrorCollection does. Create needs project, issue type and summary; rich-text fields take ADF
 * only; `status` and other fields off the screen "cannot be set".
 */
import { CUSTOM_FIELDS, findByRef, ISSUE_TYPES, PRIORITIES, PROJECTS } from './catalog.js';
import { NOT_ADF, NOT_SETTABLE } from './errors.js';
import type { JiraStore, StoredIssue } from './store.js';

export interface AdfNodeLike {
  type: string;
  [key: string]: unknown;
}

export type IssueValues = Partial<Omit<StoredIssue, 'number' | 'statusId'>>;

export interface Checked {
  values: IssueValues;
  errors: Record<string, string>;
}

function isAdfDoc(value: unknown): value is AdfNodeLike {
  const doc = value as { type?: unknown; version?: unknown; content?: unknown } | null;
  return typeof doc === 'object' && doc !== null && doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

function accountOf(store: JiraStore, value: unknown): { ok: true; id: string | null } | { ok: false } {
  if (value === null) return { ok: true, id: null };
  const id = (value as { accountId?: unknown } | undefined)?.accountId;
  if (id === null) return { ok: true, id: null };
  const user = typeof id === 'string' ? store.user(id) : undefined;
  return user && user.data.active && user.data.accountType === 'atlassian' ? { ok: true, id: user.id } : { ok: false };
}

/** One field's value, or its refusal. */
function checkField(store: JiraStore, name: string, value: unknown, out: Checked): void {
  const { values, errors } = out;
  switch (name) {
    case 'project': {
      const project = findByRef(PROJECTS, value);
      if (project) values.projectKey = project.key;
      else errors.project = 'Specify a valid project ID or key';
      return;
    }
    case 'issuetype': {
      const type = findByRef(ISSUE_TYPES, value);
      if (type) values.issuetypeId = type.id;
      else errors.issuetype = value === undefined || value === null ? 'Specify an issue type' : 'Specify a valid issue type';
      return;
    }
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
      else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
      else values.summary = value.replace(/[\r\n]+/g, ' ').trim();
      return;
    case 'description':
      if (value === null) values.description = null;
      else if (isAdfDoc(value)) values.description = value;
      else errors.description = NOT_ADF;
      return;
    case 'priority': {
      if (value === null) return void (values.priorityId = null);
      const priority = findByRef(PRIORITIES, value);
      if (priority) values.priorityId = priority.id;
      else errors.priority = `The priority selected is invalid.`;
      return;
    }
    case 'assignee':
    case 'reporter': {
      const account = accountOf(store, value);
      if (!account.ok) errors[name] = name === 'assignee' ? 'User cannot be assigned issues.' : 'Specify a valid value for reporter';
      else if (name === 'assignee') values.assignee = account.id;
      else if (account.id) values.reporter = account.id;
      return;
    }
    case 'labels': {
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) return void (errors.labels = 'data was not an array');
      const spaced = (value as string[]).find((label) => /\s/.test(label));
      if (spaced !== undefined) errors.labels = `The label '${spaced}' contains spaces which is invalid.`;
      else values.labels = [...new Set(value as string[])];
      return;
    }
    case 'duedate':
      if (value === null) values.duedate = null;
      else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) values.duedate = value;
      else errors.duedate = `Error parsing date string: ${String(value)}`;
      return;
    default: {
      const custom = CUSTOM_FIELDS[name];
      if (!custom) return void (errors[name] = NOT_SETTABLE(name));
      if (value !== null && typeof value !== custom.type) errors[name] = custom.type === 'number' ? 'Operation value must be a number.' : 'Operation value must be a string';
      else values.custom = { ...values.custom, [name]: value };
    }
  }
}

export function checkFields(store: JiraStore, fields: Record<string, unknown>, mode: 'create' | 'edit'): Checked {
  const out: Checked = { values: {}, errors: {} };
  if (mode === 'create') for (const required of ['project', 'issuetype', 'summary']) if (!(required in fields)) checkField(store, required, undefined, out);
  for (const [name, value] of Object.entries(fields)) {
    if (mode === 'edit' && (name === 'project' || name === 'issuetype')) out.errors[name] = NOT_SETTABLE(name);
    else checkField(store, name, value, out);
  }
  return out;
}
