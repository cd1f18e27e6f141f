import ipaddr from 'ipaddr.js';
import { ipv4ForbiddenReason } from './ipv4-ranges.js';

/**
 * Why an IPv6 address is not a safe egress target, or null for global unicast.
 *
 * Beyond the plain non-global ranges, several IPv6 forms carry an IPv4 address inside them and are
 * delivered to that IPv4 by the kernel, a translator or a relay. Each is unwrapped and the inner
 * address judged by the IPv4 rules, so `::ffff:127.0.0.1` is as forbidden as `127.0.0.1`.
 */

const NAMED: Record<string, string> = {
  unspecified: 'unspecified address (::)',
  loopback: 'loopback (::1)',
  linkLocal: 'link-local (fe80::/10)',
  multicast: 'multicast (ff00::/8)',
  uniqueLocal: 'unique-local (fc00::/7)',
  deprecatedSiteLocal: 'deprecated site-local (fec0::/10)',
  discard: 'discard-only (100::/64)',
  benchmarking: 'benchmarking (2001:2::/48)',
  deprecatedOrchid: 'ORCHID (2001:10::/28)',
  orchid2: 'ORCHIDv2 (2001:20::/28)',
  droneRemoteIdProtocolEntityTags: 'drone remote ID tags (2001:30::/28)',
  segmentRouting: 'SRv6 segment identifiers (5f00::/16)',
  // Teredo hides an obfuscated client IPv4 and relays through a third party: never a vendor API.
  teredo: 'Teredo tunnelling (2001::/32)',
};

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
const DOCUMENTATION: Array<[string, string]> = [
  ['2001:db8::/32', 'documentation (2001:db8::/32)'],
  ['3fff::/20', 'documentation (3fff::/20)'],
];
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/** The IPv4 held in 16-bit groups `hi` and `hi + 1`. */
function embeddedV4(addr: ipaddr.IPv6, hi: number): ipaddr.IPv4 {
  const a = addr.parts[hi] ?? 0;
  const b = addr.parts[hi + 1] ?? 0;
  return new ipaddr.IPv4([a >> 8, a & 255, b >> 8, b & 255]);
}

function judgeEmbedded(kind: string, inner: ipaddr.IPv4): string | null {
  const reason = ipv4ForbiddenReason(inner);
  return reason === null ? null : `${kind} embedding ${inner.toString()}, ${reason}`;
}

export function ipv6ForbiddenReason(addr: ipaddr.IPv6): string | null {
  const range = addr.range();
  const named = NAMED[range];
  if (named) return named;

  switch (range) {
    case 'ipv4Mapped':
      // The socket layer connects to the inner IPv4 itself: judge exactly that address.
      return judgeEmbedded('IPv4-mapped address', embeddedV4(addr, 6));
    case 'rfc6145':
      return judgeEmbedded('IPv4-translated address', embeddedV4(addr, 6)) ?? 'IPv4-translated address (::ffff:0:0:0/96), not global unicast';
    case 'rfc6052':
      if (addr.match(NAT64_WELL_KNOWN)) return judgeEmbedded('NAT64 address', embeddedV4(addr, 6));
      // RFC 8215 local-use prefix: where the IPv4 sits depends on the operator's prefix length,
      // and it only exists inside one network, so it is refused outright.
      return 'local-use NAT64 prefix (64:ff9b:1::/48)';
    case '6to4':
      // 2002:AABB:CCDD::/48 is routed by 6to4 relays to IPv4 AA.BB.CC.DD (bits 16 to 48).
      return judgeEmbedded('6to4 address', embeddedV4(addr, 1));
    default:
      break;
  }

  for (const [cidr, text] of DOCUMENTATION) {
    if (addr.match(ipaddr.IPv6.parseCIDR(cidr))) return text;
  }
  if (addr.parts.slice(0, 6).every((p) => p === 0)) {
    // IPv4-compatible ::a.b.c.d (deprecated by RFC 4291); :: and ::1 were named above.
    return judgeEmbedded('IPv4-compatible address', embeddedV4(addr, 6)) ?? 'deprecated IPv4-compatible address (::/96)';
  }
  if (range === 'reserved') return 'reserved IETF protocol assignment (2001::/23)';
  if (!addr.match(GLOBAL_UNICAST)) return 'outside global unicast space (2000::/3)';
  return null;
}
