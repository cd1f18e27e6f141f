/**
 * The sandbox site's fixed configuration: projects, issue types, priorities, statuses and the
 * workflow between them. The workflow is a classic company-managed one on purpose: not every
 * status is one transition away from every other (To Do → Done needs In Progress first), as in
 * most real sites.
 */

export interface Project { id: string; key: string; name: string }
export interface IssueType { id: string; name: string; description: string; hierarchyLevel: number }
export interface Priority { id: string; name: string }
export interface Status { id: string; name: string; category: { id: number; key: 'new' | 'indeterminate' | 'done'; colorName: string; name: string } }
export interface WorkflowTransition { id: string; name: string; to: string }

export const PROJECTS: Project[] = [
  { id: '10000', key: 'SBX', name: 'Sandbox' },
  { id: '10001', key: 'OPS', name: 'Operations' },
];

export const ISSUE_TYPES: IssueType[] = [
  { id: '10001', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', hierarchyLevel: 0 },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0 },
  { id: '10004', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0 },
];

export const PRIORITIES: Priority[] = [
  { id: '1', name: 'Highest' }, { id: '2', name: 'High' }, { id: '3', name: 'Medium' }, { id: '4', name: 'Low' }, { id: '5', name: 'Lowest' },
];

export const DEFAULT_PRIORITY = '3';

const NEW = { id: 2, key: 'new' as const, colorName: 'blue-gray', name: 'To Do' };
const INDETERMINATE = { id: 4, key: 'indeterminate' as const, colorName: 'yellow', name: 'In Progress' };
const DONE = { id: 3, key: 'done' as const, colorName: 'green', name: 'Done' };

export const STATUSES: Status[] = [
  { id: '10000', name: 'To Do', category: NEW },
  { id: '3', name: 'In Progress', category: INDETERMINATE },
  { id: '10001', name: 'In Review', category: INDETERMINATE },
  { id: '10002', name: 'Done', category: DONE },
];

export const INITIAL_STATUS = '10000';

/** Transitions available from each status, by status id. */
export const WORKFLOW: Record<string, WorkflowTransition[]> = {
  '10000': [{ id: '21', name: 'Start progress', to: '3' }],
  '3': [{ id: '11', name: 'Stop progress', to: '10000' }, { id: '31', name: 'Ready for review', to: '10001' }, { id: '41', name: 'Done', to: '10002' }],
  '10001': [{ id: '21', name: 'Back to progress', to: '3' }, { id: '41', name: 'Done', to: '10002' }],
  '10002': [{ id: '51', name: 'Reopen', to: '10000' }],
};

/** One numeric custom field ("Story point estimate"), to show custom fields pass through. */
export const CUSTOM_FIELDS: Record<string, { name: string; type: 'number' | 'string' }> = {
  customfield_10016: { name: 'Story point estimate', type: 'number' },
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findByRef<T extends { id: string; name?: string; key?: string }>(list: T[], ref: unknown): T | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const { id, name, key } = ref as { id?: unknown; name?: unknown; key?: unknown };
  if (typeof id === 'string' || typeof id === 'number') return list.find((item) => item.id === String(id));
  if (typeof key === 'string') return list.find((item) => item.key !== undefined && same(item.key, key));
  if (typeof name === 'string') return list.find((item) => item.name !== undefined && same(item.name, name));
  return undefined;
}

export const statusById = (id: string) => STATUSES.find((s) => s.id === id)!;
export const projectByKey = (key: string) => PROJECTS.find((p) => same(p.key, key));
