/**
 * The user read cursor. Jira users carry no modification time, so changes are found by
 * fingerprint: a finished read leaves `{ since, snapshot }`, the read's start and a short hash of
 * every person listed. The next incremental read lists everyone again and yields only the
 * accounts whose hash changed, new ones, and tombstones for those gone or deactivated. While a
 * read is under way, `read` carries the list position and the hashes taken so far.
 *
 * Size: one entry per account (about 50 bytes), so 10,000 users make a ~500 KB checkpoint.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';

const hashes = z.record(z.string(), z.string());

const readStateSchema = z.object({
  /** `incremental` yields changes against `snapshot`; `full` yields everyone. */
  mode: z.enum(['full', 'incremental']),
  startAt: z.number().int().nonnegative(),
  /** Fingerprints of the accounts listed so far in this read. */
  seen: hashes,
  startedAt: z.string(),
});

export const usersCursorSchema = z.object({
  since: z.string().optional(),
  /** Fingerprints as of `since`, from the last complete read. */
  snapshot: hashes.optional(),
  read: readStateSchema.optional(),
});

export type UsersCursor = z.infer<typeof usersCursorSchema>;
export type UserReadState = z.infer<typeof readStateSchema>;

export type UsersStart =
  | { done: UsersCursor }
  | { state: UserReadState; given: UsersCursor };

export function startingUsers(cursor: unknown, mode: SyncMode, now: number): UsersStart {
  const parsed = usersCursorSchema.safeParse(cursor);
  const given: UsersCursor = parsed.success ? parsed.data : {};
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { state: given.read, given };
  // A finished full read's last cursor, in full mode: nothing is left after that page.
  if (mode === 'full' && given.since !== undefined) return { done: given };
  // A checkpoint dated after now claims a state newer than the present: nothing can be reported
  // against it yet (clock skew); the list is compared again once the clock has passed it.
  if (mode === 'incremental' && given.since !== undefined && Date.parse(given.since) > now) return { done: given };
  const startedAt = new Date(now).toISOString();
  const compare = mode === 'incremental' && given.snapshot !== undefined;
  return { state: { mode: compare ? 'incremental' : 'full', startAt: 0, seen: {}, startedAt }, given: compare ? given : {} };
}
