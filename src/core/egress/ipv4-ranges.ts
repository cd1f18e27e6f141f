import ipaddr from 'ipaddr.js';

/**
 * Why an IPv4 address is not a safe egress target, or null for global unicast.
 *
 * ipaddr.js `range()` does the coarse classification; its `reserved` bucket lumps together
 * documentation, benchmarking and IETF blocks, so those are named explicitly for a clear message.
 * AS112 and AMT anycast blocks are globally reachable unicast and stay allowed.
 */

const RESERVED_DETAIL: Array<[string, string]> = [
  ['192.0.0.0/24', 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0/24', 'documentation TEST-NET-1 (192.0.2.0/24)'],
  ['198.51.100.0/24', 'documentation TEST-NET-2 (198.51.100.0/24)'],
  ['203.0.113.0/24', 'documentation TEST-NET-3 (203.0.113.0/24)'],
  ['198.18.0.0/15', 'benchmarking (198.18.0.0/15)'],
  ['192.88.99.0/24', 'deprecated 6to4 relay anycast (192.88.99.0/24)'],
  ['240.0.0.0/4', 'reserved for future use (240.0.0.0/4)'],
];

const PRIVATE_DETAIL: Array<[string, string]> = [
  ['10.0.0.0/8', 'private (10.0.0.0/8)'],
  ['172.16.0.0/12', 'private (172.16.0.0/12)'],
  ['192.168.0.0/16', 'private (192.168.0.0/16)'],
];

/**
 * Public addresses that are nonetheless platform-internal endpoints reachable from cloud VMs.
 * Azure's WireServer answers on this address inside every Azure VM and hands out VM secrets.
 */
const PLATFORM_ENDPOINTS: Array<[string, string]> = [['168.63.129.16/32', 'cloud platform endpoint (Azure WireServer 168.63.129.16)']];

const METADATA = ipaddr.IPv4.parse('169.254.169.254');

function detail(addr: ipaddr.IPv4, table: Array<[string, string]>, fallback: string): string {
  for (const [cidr, text] of table) {
    if (addr.match(ipaddr.IPv4.parseCIDR(cidr))) return text;
  }
  return fallback;
}

export function ipv4ForbiddenReason(addr: ipaddr.IPv4): string | null {
  switch (addr.range()) {
    case 'unspecified':
      // 0.0.0.0 reaches the local host on Linux; the rest of 0/8 is "this network".
      return 'unspecified / "this network" address (0.0.0.0/8)';
    case 'broadcast':
      return 'limited broadcast address (255.255.255.255)';
    case 'multicast':
      return 'multicast (224.0.0.0/4)';
    case 'linkLocal':
      return addr.toString() === METADATA.toString()
        ? 'cloud metadata endpoint (link-local 169.254.169.254)'
        : 'link-local (169.254.0.0/16)';
    case 'loopback':
      return 'loopback (127.0.0.0/8)';
    case 'carrierGradeNat':
      return 'carrier-grade NAT shared space (100.64.0.0/10)';
    case 'private':
      return detail(addr, PRIVATE_DETAIL, 'private (RFC 1918)');
    case 'reserved':
      return detail(addr, RESERVED_DETAIL, 'reserved');
    default:
      return detail(addr, PLATFORM_ENDPOINTS, '') || null;
  }
}
