/**
 * Jira payloads as source records: the vendor payload as read plus `_derived` values a mapping
 * (data only) cannot compute itself: the description as plain text (it arrives as ADF) and a
 * person's first and last name (Jira keeps only `displayName`).
 */
import { createHash } from 'node:crypto';
import type { SourceRecord } from '../../src/registry/index.js';
import { adfToText } from './adf.js';
import type { JiraIssue, JiraUser } from './schemas.js';

export function issueRecord(issue: JiraIssue): SourceRecord {
  return {
    id: issue.id,
    data: { ...issue, _derived: { descriptionText: adfToText(issue.fields.description) || undefined } },
    cursorValue: issue.fields.updated,
  };
}

/** "Ada King Lovelace" → first "Ada", last "King Lovelace"; one word is a first name only. */
export function splitName(displayName: string | undefined): { firstName?: string; lastName?: string } {
  const words = (displayName ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { firstName: words[0] };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}

export function userRecord(user: JiraUser): SourceRecord {
  if (user.active === false) return { id: user.accountId, data: { ...user }, deleted: true };
  return { id: user.accountId, data: { ...user, _derived: splitName(user.displayName) } };
}

/** A user who no longer appears in the list at all. */
export function vanishedUser(accountId: string): SourceRecord {
  return { id: accountId, data: { accountId }, deleted: true };
}

/** A short fingerprint of what Jira says about a user: a change in any field changes it. */
export function fingerprint(user: JiraUser): string {
  const stable = JSON.stringify(Object.keys(user).sort().map((key) => [key, user[key]]));
  return createHash('sha1').update(stable).digest('base64url').slice(0, 10);
}

/** Bots (`app` accounts such as Automation for Jira) are not people: they are not read as Person. */
export function isPerson(user: JiraUser): boolean {
  return user.accountType !== 'app';
}
