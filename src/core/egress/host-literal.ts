import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parseIPv4Literal } from './ipv4-literal.js';

/**
 * The IP address a host denotes, or null when the host is a name.
 *
 * Accepts both raw hosts (as typed by a user or taken from a string before URL parsing) and hosts
 * as `new URL()` gives them: bracketed or bare IPv6, zone ids (`fe80::1%eth0`, `%25eth0` as in
 * RFC 6874), every IPv4 notation of `parseIPv4Literal`, and IPv4 hidden behind percent-encoding or
 * full-width digits and ideographic dots, which URL parsing maps to ASCII before reading numbers.
 */
export function parseHostLiteral(host: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (host.startsWith('[')) {
    // Brackets only ever wrap IPv6; `[127.0.0.1]` is not an address in any parser.
    return host.endsWith(']') ? parseIPv6(host.slice(1, -1)) : null;
  }
  if (host.includes(':')) return parseIPv6(host);

  const direct = parseIPv4Literal(host);
  if (direct) return direct;

  // Only worth the mapping when the host has something a URL parser would rewrite.
  if (!/[%\u0080-\uffff]/.test(host)) return null;
  let decoded = host;
  try {
    decoded = decodeURIComponent(host);
  } catch {
    return null;
  }
  // domainToASCII applies the UTS #46 mapping (and WHATWG's own IPv4 normalisation).
  const ascii = domainToASCII(decoded);
  return ascii === '' ? null : parseIPv4Literal(ascii);
}

function parseIPv6(text: string): ipaddr.IPv6 | null {
  const percent = text.indexOf('%');
  const address = dottedTailToHex(percent === -1 ? text : text.slice(0, percent));
  let zone = percent === -1 ? '' : text.slice(percent + 1);
  if (zone.toLowerCase().startsWith('25')) zone = zone.slice(2);
  if (address === null || !ipaddr.IPv6.isValid(address)) return null;
  const parsed = ipaddr.IPv6.parse(address);
  // The zone does not change what the address is; it is kept only so the value round-trips.
  if (zone !== '') parsed.zoneId = zone;
  return parsed;
}

/**
 * `::ffff:127.0.0.1` to `::ffff:7f00:1`. Done here because ipaddr.js reads `::a.b.c.d` as the
 * IPv4-MAPPED `::ffff:a.b.c.d`, while inet_pton and WHATWG read it as IPv4-compatible `::a.b:c.d`;
 * judging a different address than the one connected to is exactly the bug an SSRF guard must not
 * have. Leading zeros in the dotted part are refused, as both of those parsers do.
 */
function dottedTailToHex(address: string): string | null {
  const tail = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!tail) return address;
  const octets = tail.slice(2, 6);
  if (octets.some((o) => (o.length > 1 && o.startsWith('0')) || Number(o) > 255)) return null;
  const [a, b, c, d] = octets.map(Number) as [number, number, number, number];
  return `${tail[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** `[::1]` to `::1`; other hosts unchanged. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
