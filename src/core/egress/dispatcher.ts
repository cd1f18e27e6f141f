import { Agent, buildConnector } from 'undici';
import { lookupWith } from './lookup.js';
import { compilePolicy, type EgressPolicy } from './policy.js';
import { checkTarget } from './target.js';

/** The slice of a pino logger this module needs; any pino Logger fits. */
export interface EgressLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface EgressDispatcherOptions {
  /**
   * How long a TCP (and TLS) connect may take.
   * @default 10_000 (undici's own default)
   */
  connectTimeoutMs?: number;
  /**
   * Where the dispatcher announces that the loopback sandbox policy is on.
   * @default undefined (no announcement)
   */
  logger?: EgressLogger;
}

/**
 * An undici Agent that can only reach what the policy allows, checked at connect time:
 *
 * 1. the connector re-checks scheme and host (allowed domains, org allowlist, literal IPs) for
 *    every new connection, so a redirect hop or a caller that skipped `checkUrl` is covered, and
 *    IP-literal hosts (which Node connects to without any lookup) are judged here;
 * 2. the egress lookup checks every A/AAAA answer of a host name, and Node connects only to those.
 *
 * Reuse one Agent per policy: it pools connections per origin. The policy is compiled (validated
 * and copied) once here, so mutating the policy object later does not change this Agent.
 */
export function createEgressDispatcher(policy: EgressPolicy, options: EgressDispatcherOptions = {}): Agent {
  const compiled = compilePolicy(policy);
  const base = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000, lookup: lookupWith(compiled) });

  const connect: buildConnector.connector = (target, callback) => {
    try {
      checkTarget(target.protocol, target.hostname, compiled);
    } catch (err) {
      // Asynchronous like a real connect failure, so undici's bookkeeping sees the usual order.
      queueMicrotask(() => callback(err as Error, null));
      return;
    }
    base(target, callback);
  };

  if (compiled.allowLoopback) {
    options.logger?.warn(
      { egress: { allowLoopback: true, allowedDomains: compiled.allowed.map((p) => p.source) } },
      'egress policy allows loopback (sandbox/test mode): http and https to 127.0.0.0/8, ::1 and localhost are permitted',
    );
  }
  return new Agent({ connect });
}
