import { promises as dns } from 'node:dns';
import { compileHostPattern, type HostPattern } from './host-pattern.js';

/** Resolves a host name to every A and AAAA answer. Tests inject one; production uses the OS. */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;

export interface EgressPolicy {
  /** The connector's host patterns (see host-pattern.ts for the `*.` rule). Empty allows nothing. */
  allowedDomains: string[];
  /**
   * The org's own allowlist. When present and non-empty a host must match it too.
   * @default undefined (no org restriction)
   */
  orgAllowlist?: string[];
  /**
   * The sandbox and test policy: `http:` or `https:` to loopback (127.0.0.0/8, ::1, `localhost`)
   * is allowed whatever the domain lists say. Nothing else is relaxed.
   * @default false
   */
  allowLoopback?: boolean;
  /**
   * How host names are resolved at connect time.
   * @default defaultResolver (`dns.promises.lookup(host, { all: true })`)
   */
  resolver?: Resolver;
}

/** A policy validated once and frozen, so later mutation of the caller's object changes nothing. */
export interface CompiledPolicy {
  readonly allowed: readonly HostPattern[];
  /** null when the org set no allowlist. */
  readonly org: readonly HostPattern[] | null;
  readonly allowLoopback: boolean;
  readonly resolver: Resolver;
}

/** The OS resolver (getaddrinfo, so /etc/hosts counts), every family, in the order it answers. */
export const defaultResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function compilePolicy(policy: EgressPolicy): CompiledPolicy {
  const org = policy.orgAllowlist && policy.orgAllowlist.length > 0 ? policy.orgAllowlist.map(compileHostPattern) : null;
  return Object.freeze({
    allowed: Object.freeze(policy.allowedDomains.map(compileHostPattern)),
    org: org ? Object.freeze(org) : null,
    allowLoopback: policy.allowLoopback === true,
    resolver: policy.resolver ?? defaultResolver,
  });
}
