/**
 * The flat issue record loads work with (`summary`, `description` as plain text, `status`,
 * `priority` and `issuetype` by name, `project` by key, `assignee` by account id) ↔ Jira's
 * `fields` object (ADF descriptions, `{ name }` and `{ accountId }` references). `status` is not
 * a field Jira lets anyone set ("cannot be set. It is not on the appropriate screen"): it is split
 * off here and applied through a transition. Other fields (custom fields) pass through as given.
 */
import { adfToText, isAdfDoc, normaliseText, textToAdf } from './adf.js';
import type { JiraIssue } from './schemas.js';

/** Computed by Jira: never sent, never compared in verify. */
export const READ_ONLY_FIELDS = ['id', 'key', 'self', 'created', 'updated', 'statusCategory', 'reporter', 'creator', 'resolution', 'resolutiondate'];

const byNameOrId = (value: unknown) => (typeof value === 'string' ? (/^\d+$/.test(value) ? { id: value } : { name: value }) : value);
const byKeyOrId = (value: unknown) => (typeof value === 'string' ? (/^\d+$/.test(value) ? { id: value } : { key: value }) : value);
const account = (value: unknown) => (value === null || value === '' ? null : typeof value === 'string' ? { accountId: value } : value);

const WRITE: Record<string, (value: unknown) => unknown> = {
  summary: (v) => v,
  description: (v) => (v === null || v === '' ? null : typeof v === 'string' ? textToAdf(v) : v),
  environment: (v) => (v === null || v === '' ? null : typeof v === 'string' ? textToAdf(v) : v),
  project: byKeyOrId,
  issuetype: byNameOrId,
  priority: byNameOrId,
  assignee: account,
  labels: (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v),
  duedate: (v) => (v === '' ? null : v),
};

export interface JiraWrite {
  fields: Record<string, unknown>;
  /** The status to transition to afterwards, by name. */
  status?: string;
}

export interface WriteDefaults {
  projectKey?: string;
  issueType?: string;
}

export function toJiraWrite(record: Record<string, unknown>, defaults: WriteDefaults = {}, creating = false): JiraWrite {
  const fields: Record<string, unknown> = {};
  let status: string | undefined;
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || READ_ONLY_FIELDS.includes(name)) continue;
    if (name === 'status') {
      if (typeof value === 'string' && value.trim() !== '') status = value.trim();
      continue;
    }
    fields[name] = (WRITE[name] ?? ((v: unknown) => v))(value);
  }
  if (creating) {
    if (fields.project === undefined && defaults.projectKey) fields.project = byKeyOrId(defaults.projectKey);
    if (fields.issuetype === undefined && defaults.issueType) fields.issuetype = byNameOrId(defaults.issueType);
  }
  return status === undefined ? { fields } : { fields, status };
}

/** A fetched issue as the flat record loads compare and snapshot. */
export function flattenIssue(issue: JiraIssue): Record<string, unknown> {
  const f = issue.fields;
  const flat: Record<string, unknown> = {
    id: issue.id, key: issue.key,
    summary: f.summary ?? null,
    description: adfToText(f.description) || null,
    status: f.status?.name ?? null,
    statusCategory: f.status?.statusCategory?.key ?? null,
    priority: f.priority?.name ?? null,
    issuetype: f.issuetype?.name ?? null,
    project: f.project?.key ?? null,
    assignee: f.assignee?.accountId ?? null,
    reporter: f.reporter?.accountId ?? null,
    labels: f.labels ?? [],
    duedate: f.duedate ?? null,
    created: f.created ?? null,
    updated: f.updated ?? null,
  };
  for (const [name, value] of Object.entries(f)) if (name.startsWith('customfield_')) flat[name] = value;
  return flat;
}

/** What a restore re-creates from a snapshot: every writable field that had a value. */
export function writableOf(snapshot: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(snapshot)) {
    if (READ_ONLY_FIELDS.includes(name) || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[name] = value;
  }
  return out;
}

/** Jira's normalisation of a written value, so verify compares like with like. */
export function normaliseField(field: string, value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (field === 'description' || field === 'environment') return isAdfDoc(value) ? adfToText(value) || null : typeof value === 'string' ? normaliseText(value) || null : value;
  if (['status', 'priority', 'issuetype'].includes(field) && typeof value === 'string') return value.trim().toLowerCase();
  if (field === 'project' && typeof value === 'string') return value.trim().toUpperCase();
  if (field === 'labels') {
    const list = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : Array.isArray(value) ? value.map(String) : value;
    return Array.isArray(list) ? [...list].sort() : list;
  }
  return value;
}
