/**
 * The JQL the connector sends. Jira reads a date literal (`'2024-05-01 13:07'`) at minute
 * resolution in the time zone of the user who runs the search (their profile's zone), not in UTC:
 * a bound written in UTC for a user in Los Angeles would start seven hours late and lose every
 * change in between. So bounds are written in that user's zone, rounded down to the minute.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function partsIn(ms: number, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE) * MINUTE;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `yyyy-MM-dd HH:mm` in the zone, never later than `ms` whatever Jira makes of it. Near a DST
 * change a local time can name two instants (the repeated hour); Jira may take the later one,
 * which would start the window up to an hour late, so there the bound steps back two hours
 * (a re-read, never a loss).
 */
export function jqlDate(ms: number, timeZone: string): string {
  const nearChange = offsetAt(ms - 3 * HOUR, timeZone) !== offsetAt(ms + 3 * HOUR, timeZone);
  const p = partsIn(nearChange ? ms - 2 * HOUR : ms, timeZone);
  return `${pad(p.year!, 4)}-${pad(p.month!)}-${pad(p.day!)} ${pad(p.hour!)}:${pad(p.minute!)}`;
}

/** A zone Intl knows, else UTC (Jira's own default for a profile without one). */
export function usableZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * Changed at or after `fromMs`, oldest first; the key breaks ties so the order is total and a
 * page boundary inside one minute neither skips nor repeats an issue.
 */
export function updatedSinceJql(fromMs: number, timeZone: string): string {
  return `updated >= '${jqlDate(Math.max(0, fromMs), timeZone)}' ORDER BY updated ASC, key ASC`;
}

const ISSUE_ID = /^\d+$/;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/i;

/** An issue id (`10001`) or key (`SBX-7`): the only forms `issue in (...)` takes unquoted. */
export function isIssueRef(value: string): boolean {
  return ISSUE_ID.test(value) || ISSUE_KEY.test(value);
}

/** `issue in (10001, SBX-7)`: the `issue` field takes ids and keys alike; callers pass refs only. */
export function issuesJql(refs: string[]): string {
  return `issue in (${refs.filter(isIssueRef).join(', ')})`;
}
