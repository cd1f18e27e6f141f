/**
 * The enhanced search's `nextPageToken`: opaque to clients, here the sort position of the last
 * issue served, bound to its JQL and stamped with its issue time. Jira's tokens expire after
 * 7 days; one used with another query, or mangled, is refused.
 */
import { createHash } from 'node:crypto';
import { jqlError } from './errors.js';
import type { SortValue } from './jql-sort.js';

export const TOKEN_LIFETIME_MS = 7 * 86_400_000;

const INVALID = 'The provided next page token is invalid or expired.';

const queryHash = (jql: string) => createHash('sha256').update(jql.trim()).digest('base64url').slice(0, 16);

export function issueToken(jql: string, after: SortValue[], now: number): string {
  return Buffer.from(JSON.stringify({ v: 1, q: queryHash(jql), after, at: now }), 'utf8').toString('base64url');
}

/** The position after which the next page starts, or a 400 for a token this query cannot use. */
export function readToken(token: string, jql: string, now: number): SortValue[] {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; q?: unknown; after?: unknown; at?: unknown };
    const fresh = typeof parsed.at === 'number' && now - parsed.at <= TOKEN_LIFETIME_MS;
    if (parsed.v === 1 && parsed.q === queryHash(jql) && fresh && Array.isArray(parsed.after)) return parsed.after as SortValue[];
  } catch {
    // Not base64 JSON: the same refusal as any other bad token.
  }
  throw jqlError(INVALID);
}
