import ipaddr from 'ipaddr.js';

/**
 * IPv4 literals in every notation the WHATWG URL host parser and libc `inet_aton` accept:
 * 1 to 4 dot-separated parts, each decimal, octal (leading `0`) or hex (`0x`), the last part
 * filling all remaining bytes (`127.1`, `10.1`, `2130706433`, `0x7f.0.0.1`, `0177.0.0.1`).
 * Getting this exactly right matters: any form we fail to recognise is a form an attacker can
 * use to name 127.0.0.1 while we believe we are looking at a domain name.
 */

const DIGITS: Record<number, RegExp> = { 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-f]+$/i };

/** One part, or null when it is not a number in any accepted radix. */
function parsePart(part: string): number | null {
  if (part === '') return null;
  let radix = 10;
  let digits = part;
  if (part.length >= 2 && part[0] === '0' && (part[1] === 'x' || part[1] === 'X')) {
    radix = 16;
    digits = part.slice(2);
    // WHATWG reads a bare `0x` as zero.
    if (digits === '') return 0;
  } else if (part.length >= 2 && part[0] === '0') {
    radix = 8;
    digits = part.slice(1);
  }
  const pattern = DIGITS[radix];
  if (!pattern || !pattern.test(digits)) return null;
  // Very long digit strings lose precision, but they are far above 2^32 and rejected below.
  return parseInt(digits, radix);
}

/**
 * The IPv4 address a host string denotes, or null when it is not an IPv4 literal (or is an
 * invalid one, such as `256.0.0.1` or `08.0.0.1`, which URL parsing would reject anyway).
 */
export function parseIPv4Literal(host: string): ipaddr.IPv4 | null {
  const parts = host.split('.');
  // A single trailing dot is allowed (`127.0.0.1.`), as in WHATWG and DNS.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;

  const numbers: number[] = [];
  for (const part of parts) {
    const value = parsePart(part);
    if (value === null) return null;
    numbers.push(value);
  }

  const last = numbers.pop() as number;
  if (numbers.some((n) => n > 255)) return null;
  // The last part covers the bytes the earlier parts left: 4 bytes alone, 3 after one part, ...
  if (last >= 256 ** (4 - numbers.length)) return null;

  let value = last;
  numbers.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return new ipaddr.IPv4([(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]);
}
