import type { Agent } from 'undici';
import { createEgressDispatcher, type EgressPolicy } from './egress/index.js';

/**
 * Agents keep connection pools, so one per distinct policy is reused across calls. A policy with
 * its own resolver (tests) is keyed by identity instead.
 */
const byKey = new Map<string, Agent>();
const byPolicy = new WeakMap<EgressPolicy, Agent>();

export function egressDispatcherFor(policy: EgressPolicy): Agent {
  if (policy.resolver) {
    let agent = byPolicy.get(policy);
    if (!agent) byPolicy.set(policy, (agent = createEgressDispatcher(policy)));
    return agent;
  }
  const key = JSON.stringify([policy.allowedDomains, policy.orgAllowlist ?? null, policy.allowLoopback ?? false]);
  let agent = byKey.get(key);
  if (!agent) byKey.set(key, (agent = createEgressDispatcher(policy)));
  return agent;
}
