/**
 * The opaque parts of Dataverse's links. `$skiptoken` is a paging cookie
 * (`<cookie pagenumber="2" pagingcookie="…<contactid last="{…}" …" istracking="True" />`); the
 * sandbox adds what it needs to continue (the read's snapshot version, the last version sent of
 * a delta, the offset of a sorted query). `$deltatoken` is `version!MM/dd/yyyy HH:mm:ss`, as in
 * the change-tracking article's examples (`919042!08/22/2017 08:10:44`).
 */
import { dvError } from './errors.js';

export interface Cookie {
  page: number;
  tracking: boolean;
  /** Change tracking: the snapshot version the read answers up to (its delta token at the end). */
  version?: number;
  /** Whole-table reads: the last primary key sent. */
  last?: string;
  /** Delta reads: the last row version sent, and whether the deletions have begun. */
  after?: number;
  deletions?: boolean;
  /** Sorted or filtered queries: rows already sent. */
  offset?: number;
}

export function cookieText(primaryKey: string, cookie: Cookie): string {
  const inner = cookie.last ? encodeURIComponent(`<cookie page="${cookie.page - 1}"><${primaryKey} last="{${cookie.last.toUpperCase()}}" /></cookie>`) : '';
  const extra = Object.entries({ version: cookie.version, after: cookie.after, deletions: cookie.deletions ? 1 : undefined, offset: cookie.offset })
    .filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<cookie pagenumber="${cookie.page}" pagingcookie="${inner}" istracking="${cookie.tracking ? 'True' : 'False'}"${extra} />`;
}

export function parseCookie(text: string): Cookie {
  const attrs = Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const page = Number(attrs.pagenumber);
  if (!/^<cookie\s/.test(text) || !Number.isInteger(page) || page < 2) throw dvError(400, '0x80040203', 'Invalid paging cookie.');
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const last = /last="\{([0-9a-f-]{36})\}"/i.exec(decodeURIComponent(attrs.pagingcookie ?? ''))?.[1]?.toLowerCase();
  return { page, tracking: attrs.istracking === 'True', version: num(attrs.version), last, after: num(attrs.after), deletions: attrs.deletions === '1', offset: num(attrs.offset) };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function deltaToken(version: number, at: number): string {
  const d = new Date(at);
  return `${version}!${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function parseDeltaToken(token: string): { version: number; at: number } {
  const m = /^(\d+)!(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(token);
  if (!m) throw dvError(400, '0x80040203', `Invalid delta token '${token}'.`);
  const [, version, mo, d, y, h, mi, s] = m.map(Number) as number[];
  return { version: version!, at: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) };
}
