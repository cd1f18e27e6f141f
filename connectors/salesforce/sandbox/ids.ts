/**
 * Salesforce record ids: a 3-character key prefix naming the object (001 Account, 003 Contact,
 * 00T Task), a pod, a base-62 counter, and a 3-character suffix that makes the case-sensitive
 * 15-character id case-insensitively unique (18 characters, the form the REST API answers).
 * Fixed width and an ASCII-ordered alphabet keep creation order and `Id >` order the same.
 */
import type { IdGenerator } from '../../../src/sandbox/index.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const KEY_PREFIX = { Account: '001', Contact: '003', Task: '00T', User: '005', Organization: '00D', QueryLocator: '01g' } as const;

/** Bit j of each 5-character chunk is set when its j-th character is an upper-case letter. */
export function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let n = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charAt(chunk * 5 + j);
      if (c >= 'A' && c <= 'Z') n += 1 << j;
    }
    suffix += SUFFIX.charAt(n);
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character id; undefined when it is not an id at all. */
export function to18(id: string): string | undefined {
  // The suffix exists so that case-blind systems can tell ids apart: it is read case-blind too.
  if (!/^[a-zA-Z0-9]{15}([A-Za-z0-5]{3})?$/.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  const full = id15 + checksum(id15);
  return id.length === 15 || full.toUpperCase() === id.toUpperCase() ? full : undefined;
}

function base62(n: number, width: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62.charAt(rest % 62) + out;
  return out.padStart(width, '0');
}

/**
 * Ids for one object type. The counter starts high so ids carry mixed case, as real ones do.
 * @param options.start @default 1_000_000_000
 */
export function salesforceIds(prefix: string, options: { start?: number; pod?: string } = {}): IdGenerator {
  let next = options.start ?? 1_000_000_000;
  const pod = options.pod ?? '5g';
  return () => {
    const id15 = `${prefix}${pod}0${base62(next++, 9)}`;
    return id15 + checksum(id15);
  };
}
