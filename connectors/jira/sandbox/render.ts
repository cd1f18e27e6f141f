/**
 * Issues and users as Jira's REST v3 answers them. Timestamps are in the calling user's zone
 * with a `+hhmm` offset; `emailAddress` is left out where the profile hides it; `fields` holds
 * only what was asked for (`*all` and `*navigable` for everything, `-name` to leave one out).
 */
import { CUSTOM_FIELDS, ISSUE_TYPES, PRIORITIES, PROJECTS, statusById } from './catalog.js';
import type { IssueEntry, JiraStore, StoredUser } from './store.js';
import { renderTimestamp } from './time.js';

export const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

const ALL_FIELDS = ['summary', 'description', 'status', 'priority', 'issuetype', 'project', 'assignee', 'reporter', 'creator', 'labels', 'duedate', 'created', 'updated', 'resolution', 'resolutiondate', ...Object.keys(CUSTOM_FIELDS)];

function avatarUrls(seed: string): Record<string, string> {
  const url = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${seed}/48`;
  return { '48x48': url, '24x24': url, '16x16': url, '32x32': url };
}

export function renderUser(base: string, user: StoredUser): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId, accountType: user.accountType,
  };
  if (user.emailVisible && user.active) out.emailAddress = user.emailAddress;
  Object.assign(out, { avatarUrls: avatarUrls(user.accountId), displayName: user.displayName, active: user.active, timeZone: user.timeZone, locale: user.locale });
  return out;
}

/** Which fields to render: none for `undefined` (the enhanced search's default is ids only). */
export function fieldSelection(requested: string[] | undefined): Set<string> {
  if (requested === undefined) return new Set();
  const wanted = new Set<string>();
  for (const raw of requested.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean)) {
    if (raw === '*all' || raw === '*navigable') ALL_FIELDS.forEach((f) => wanted.add(f));
    else if (raw.startsWith('-')) wanted.delete(raw.slice(1));
    else wanted.add(raw);
  }
  return wanted;
}

export function renderIssue(base: string, store: JiraStore, entry: IssueEntry, wanted: Set<string>, timeZone: string): Record<string, unknown> {
  const issue = entry.data;
  const key = `${issue.projectKey}-${issue.number}`;
  if (wanted.size === 0 || (wanted.size === 1 && wanted.has('id'))) return { id: entry.id };
  const user = (id: string | null) => {
    const found = id === null ? undefined : store.user(id);
    return found ? renderUser(base, found.data) : null;
  };
  const status = statusById(issue.statusId);
  const priority = PRIORITIES.find((p) => p.id === issue.priorityId);
  const type = ISSUE_TYPES.find((t) => t.id === issue.issuetypeId)!;
  const project = PROJECTS.find((p) => p.key === issue.projectKey)!;
  const all: Record<string, () => unknown> = {
    summary: () => issue.summary,
    description: () => issue.description,
    status: () => ({ self: `${base}/rest/api/3/status/${status.id}`, description: '', name: status.name, id: status.id, statusCategory: { self: `${base}/rest/api/3/statuscategory/${status.category.id}`, ...status.category } }),
    priority: () => (priority ? { self: `${base}/rest/api/3/priority/${priority.id}`, iconUrl: `${base}/images/icons/priorities/${priority.name.toLowerCase()}.svg`, name: priority.name, id: priority.id } : null),
    issuetype: () => ({ self: `${base}/rest/api/3/issuetype/${type.id}`, id: type.id, description: type.description, name: type.name, subtask: false, hierarchyLevel: type.hierarchyLevel }),
    project: () => ({ self: `${base}/rest/api/3/project/${project.id}`, id: project.id, key: project.key, name: project.name, projectTypeKey: 'software', simplified: false }),
    assignee: () => user(issue.assignee),
    reporter: () => user(issue.reporter),
    creator: () => user(issue.reporter),
    labels: () => issue.labels,
    duedate: () => issue.duedate,
    created: () => renderTimestamp(entry.createdAt, timeZone),
    updated: () => renderTimestamp(entry.updatedAt, timeZone),
    resolution: () => (status.category.key === 'done' ? { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' } : null),
    resolutiondate: () => (status.category.key === 'done' ? renderTimestamp(entry.updatedAt, timeZone) : null),
  };
  const fields: Record<string, unknown> = {};
  for (const name of wanted) {
    if (all[name]) fields[name] = all[name]();
    else if (CUSTOM_FIELDS[name]) fields[name] = issue.custom[name] ?? null;
  }
  return { expand: ISSUE_EXPAND, id: entry.id, self: `${base}/rest/api/3/issue/${entry.id}`, key, fields };
}
