/**
 * What Salesforce computes rather than stores from a write: times kept to the second, and a
 * Task's AccountId (its related account, else its contact's), IsClosed and CompletedDateTime
 * (stamped when the task is first completed).
 */
import type { Clock } from '../../../src/sandbox/index.js';

/** Salesforce keeps dateTimes to the second. */
export const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** `2024-01-15T10:20:30.000+0000`, the dateTime form the REST API answers. */
export function sfDatetime(ms: number): string {
  return new Date(second(ms)).toISOString().replace('Z', '+0000');
}

export function deriveTask(row: Record<string, unknown>, before: Record<string, unknown> | undefined, contactAccount: (id: string) => unknown, clock: Clock): Record<string, unknown> {
  const what = typeof row.WhatId === 'string' && row.WhatId.startsWith('001') ? row.WhatId : undefined;
  const who = typeof row.WhoId === 'string' ? contactAccount(row.WhoId) : undefined;
  const closed = row.Status === 'Completed';
  const completed = closed ? (before?.Status === 'Completed' ? before.CompletedDateTime : second(clock.now())) : null;
  return { ...row, AccountId: what ?? who ?? null, IsClosed: closed, CompletedDateTime: completed };
}
