import ipaddr from 'ipaddr.js';
import { parseHostLiteral } from './host-literal.js';
import { ipv4ForbiddenReason } from './ipv4-ranges.js';
import { ipv6ForbiddenReason } from './ipv6-ranges.js';

export type IPAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Why an address must not be connected to, or null only for global unicast.
 * A string is parsed first (any notation `parseHostLiteral` accepts); a string that is not an
 * address at all is refused too, because "cannot tell" must never mean "allowed".
 */
export function forbiddenAddressReason(addr: IPAddress | string): string | null {
  const parsed = typeof addr === 'string' ? parseHostLiteral(addr) : addr;
  if (parsed === null) return 'not an IP address';
  return parsed.kind() === 'ipv4' ? ipv4ForbiddenReason(parsed as ipaddr.IPv4) : ipv6ForbiddenReason(parsed as ipaddr.IPv6);
}

/**
 * Loopback in the sense of `allowLoopback`: 127.0.0.0/8, ::1, and ::ffff:127.x.y.z (which the
 * kernel delivers to 127.x.y.z). Deliberately not 0.0.0.0, which also reaches the host on Linux:
 * the sandbox policy relaxes loopback, nothing else.
 */
export function isLoopbackAddress(addr: IPAddress): boolean {
  if (addr.kind() === 'ipv4') return (addr as ipaddr.IPv4).range() === 'loopback';
  const v6 = addr as ipaddr.IPv6;
  if (v6.range() === 'loopback') return true;
  return v6.isIPv4MappedAddress() && v6.toIPv4Address().range() === 'loopback';
}

/** The canonical text of an address: dotted quad or RFC 5952 compressed IPv6, no zone. */
export function addressText(addr: IPAddress): string {
  if (addr.kind() === 'ipv4') return addr.toString();
  const v6 = addr as ipaddr.IPv6;
  return new ipaddr.IPv6(v6.parts).toString();
}
