import { describeTarget, EgressError } from './errors.js';
import { forbiddenAddressReason, isLoopbackAddress, type IPAddress } from './forbidden-address.js';
import { parseHostLiteral } from './host-literal.js';
import { matchesAny, normaliseHost } from './host-pattern.js';
import type { CompiledPolicy } from './policy.js';

/**
 * The scheme and host rules shared by the pre-flight `checkUrl` and the connect-time check inside
 * the dispatcher, so the two can never disagree about what is allowed.
 */
export interface CheckedTarget {
  /** Normalised host: lower case, no trailing dot, no brackets, IP literals canonical. */
  host: string;
  /** The address when the host is an IP literal. */
  literal: IPAddress | null;
  /**
   * True when the target was admitted only because it is loopback under `allowLoopback`;
   * the lookup then insists that every answer is loopback too.
   */
  loopbackOnly: boolean;
}

/** RFC 6761: `localhost` and names under it always mean the local host. */
export function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * @param protocol `https:` or `http:`; null when the caller cannot know it (the DNS lookup, which
 *   sees only a host name) and the scheme was checked elsewhere.
 */
export function checkTarget(protocol: string | null, rawHost: string, policy: CompiledPolicy): CheckedTarget {
  const where = protocol === null ? rawHost : describeTarget(protocol, rawHost);
  if (protocol !== null && protocol !== 'https:' && protocol !== 'http:') {
    const forWhere = rawHost === '' ? '' : ` for ${where}`;
    throw new EgressError('scheme', `scheme ${protocol} is not allowed (https: only)${forWhere}`, { host: rawHost });
  }
  const host = normaliseHost(rawHost);
  if (host === null) throw new EgressError('malformed_url', `${where}: empty host or empty label`, { host: rawHost });

  const literal = parseHostLiteral(host);
  const loopback = literal ? isLoopbackAddress(literal) : isLoopbackName(host);
  if (loopback && policy.allowLoopback) return { host, literal, loopbackOnly: true };

  if (protocol !== null && protocol !== 'https:') {
    throw new EgressError('scheme', `scheme ${protocol} is not allowed for ${where}: https: only (http: only to loopback under the sandbox policy)`, { host });
  }
  if (literal) {
    const reason = forbiddenAddressReason(literal);
    if (reason) {
      throw new EgressError('forbidden_address', `${where} is ${reason}`, { host, address: literal.toString() });
    }
  } else if (loopback) {
    throw new EgressError('forbidden_address', `${where} names the loopback interface`, { host });
  }
  if (!matchesAny(host, policy.allowed)) {
    throw new EgressError('host_not_allowed', `${where} is not in the connector's allowed domains`, { host });
  }
  if (policy.org && !matchesAny(host, policy.org)) {
    throw new EgressError('org_not_allowed', `${where} is not in the organisation's allowlist`, { host });
  }
  return { host, literal, loopbackOnly: false };
}
