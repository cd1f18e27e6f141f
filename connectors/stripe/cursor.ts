/**
 * Where a Stripe read stands. It is the platform's datetime cursor (`since`, the high-water mark
 * of event `created` times committed) plus, while a full read is under way, the list position
 * to resume after. A full read's `since` is its start time minus the lookback, so changes made
 * while a long full read runs are read by the incremental that follows it.
 *
 * - `{ since }`: a valid incremental start (the last page of any read carries one).
 * - `{ since, list: { after, created } }`: a full read that stopped after the object `after`.
 */
import { z } from 'zod';
import { isDatetimeCursor, type DatetimeCursor } from '../../src/stream/index.js';

/** Re-read this much before the checkpoint: clock skew and events that become visible late. */
export const LOOKBACK_MS = 5 * 60 * 1000;

const cursorSchema = z.object({
  since: z.iso.datetime({ offset: true }),
  list: z.object({ after: z.string().min(1), created: z.number().int().nonnegative() }).optional(),
});

export type StripeCursor = z.infer<typeof cursorSchema> & DatetimeCursor;

/** A cursor this connector wrote (or a bare datetime cursor); undefined for anything else. */
export function parseCursor(value: unknown): StripeCursor | undefined {
  if (!isDatetimeCursor(value)) return undefined;
  const parsed = cursorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function epochSeconds(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** The `since` of a full read starting now: now minus the lookback, in whole seconds. */
export function fullReadSince(now: number = Date.now()): string {
  return isoFromSeconds(Math.floor((now - LOOKBACK_MS) / 1000));
}
