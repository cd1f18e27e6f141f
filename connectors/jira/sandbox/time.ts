/**
 * Time as Jira shows it: timestamps rendered in the user's zone with a `+hhmm` offset
 * (`2024-05-01T13:07:12.345-0700`), and JQL date literals read in that same zone.
 */

const MINUTE = 60_000;

function parts(ms: number, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

export function offsetMs(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / MINUTE) * MINUTE;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export function renderTimestamp(ms: number, timeZone: string): string {
  const offset = offsetMs(ms, timeZone);
  const local = new Date(ms + offset);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE;
  return `${local.toISOString().slice(0, 23)}${sign}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
}

/** The instant a local wall time names in the zone (the earlier one when it names two). */
export function fromLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return Math.min(first, second);
}

const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)$/i;
const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: MINUTE };

/** A JQL date value (`yyyy/MM/dd HH:mm`, `yyyy-MM-dd HH:mm`, `yyyy/MM/dd`, `yyyy-MM-dd`, `-5d`, `4w 2d`). */
export function parseJqlDate(value: string, timeZone: string, now: number): number | undefined {
  const text = value.trim();
  const absolute = ABSOLUTE.exec(text);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute.map(Number) as number[];
    if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || (h ?? 0) > 23 || (mi ?? 0) > 59) return undefined;
    return fromLocal(y!, mo!, d!, Number.isNaN(h!) ? 0 : h!, Number.isNaN(mi!) ? 0 : mi!, timeZone);
  }
  const period = PERIOD.exec(text);
  if (period) {
    let total = 0;
    for (const [, n, unit] of period[2]!.matchAll(/(\d+)\s*([wdhm])/gi)) total += Number(n) * UNIT_MS[unit!.toLowerCase()]!;
    return now + (period[1] === '-' ? -total : total);
  }
  return undefined;
}
