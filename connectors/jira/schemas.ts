/**
 * zod schemas for every Jira Cloud REST v3 answer the connector reads: issues, the enhanced JQL
 * search page, users, the bulk-create answer, transitions, `myself`, and the error collection.
 * Loose objects: Jira adds fields over time, and a field we do not read must not break a sync.
 */
import { z } from 'zod';
import { adfNodeSchema } from './adf.js';

/** `{ id, name }` references (status, priority, issue type, project) carry more; we read these. */
const named = z.looseObject({ id: z.string().optional(), name: z.string().optional() });

export const userSchema = z.looseObject({
  accountId: z.string(),
  /** atlassian (a person), app (a bot such as Automation for Jira), customer (JSM). */
  accountType: z.string().optional(),
  // Hidden by the profile's privacy setting: absent (or null) rather than an empty string.
  emailAddress: z.string().nullish(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
  timeZone: z.string().nullish(),
  locale: z.string().nullish(),
});

export const issueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  // v3 answers Atlassian Document Format; null when the issue has none.
  description: adfNodeSchema.nullish(),
  status: named.extend({ statusCategory: z.looseObject({ key: z.string().optional(), name: z.string().optional() }).optional() }).nullish(),
  priority: named.nullish(),
  issuetype: named.nullish(),
  project: z.looseObject({ id: z.string().optional(), key: z.string().optional(), name: z.string().optional() }).nullish(),
  assignee: userSchema.nullish(),
  reporter: userSchema.nullish(),
  labels: z.array(z.string()).nullish(),
  duedate: z.string().nullish(),
  created: z.string().optional(),
  updated: z.string().optional(),
});

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: issueFieldsSchema,
});

/**
 * `GET|POST /rest/api/3/search/jql` (SearchAndReconcileResults). `nextPageToken` is absent on the
 * last page; it is dropped here when `isLast` says so, whatever else came, so a stray token can
 * never loop a read.
 */
export const searchPageSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
}).transform((page) => ({ ...page, nextPageToken: page.isLast === true ? undefined : page.nextPageToken ?? undefined }));

/** `GET /rest/api/3/users/search` answers a bare array; wrapped so a paging helper finds `users`. */
export const usersPageSchema = z.array(userSchema).transform((users) => ({ users }));

export const myselfSchema = userSchema.extend({ timeZone: z.string().nullish() });

/** ErrorCollection: `{ errorMessages: [...], errors: { field: message } }`. */
export const errorCollectionSchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  warningMessages: z.array(z.string()).optional(),
  status: z.number().optional(),
});

/** BulkOperationErrorResult: which input failed (`failedElementNumber`, 0-based) and why. */
export const bulkErrorSchema = z.looseObject({
  status: z.number().optional(),
  elementErrors: errorCollectionSchema.optional(),
  failedElementNumber: z.number().int().optional(),
});

/** CreatedIssues: `POST /rest/api/3/issue/bulk` answers it as 201, and as 400 when every input failed. */
export const createdIssuesSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string(), key: z.string(), self: z.string().optional() })).default([]),
  errors: z.array(bulkErrorSchema).default([]),
});

export const transitionsSchema = z.looseObject({
  transitions: z.array(z.looseObject({
    id: z.string(),
    name: z.string(),
    to: z.looseObject({ id: z.string().optional(), name: z.string() }),
    isAvailable: z.boolean().optional(),
  })),
});

export type JiraIssue = z.output<typeof issueSchema>;
export type JiraUser = z.output<typeof userSchema>;
export type ErrorCollection = z.output<typeof errorCollectionSchema>;
export type CreatedIssues = z.output<typeof createdIssuesSchema>;
export type Transition = z.output<typeof transitionsSchema>['transitions'][number];
