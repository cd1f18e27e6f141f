/**
 * The egress guard (DESIGN.md, "Egress guard (SSRF)"): every outbound call of a connector goes
 * through `checkUrl` before the request and through `createEgressDispatcher` at connect time.
 */
export { EgressError, isEgressError, EGRESS_REASONS, type EgressReason } from './errors.js';
export type { EgressPolicy, Resolver, CompiledPolicy } from './policy.js';
export { defaultResolver, compilePolicy } from './policy.js';
export { parseHostLiteral } from './host-literal.js';
export { forbiddenAddressReason, isLoopbackAddress } from './forbidden-address.js';
export { checkUrl, checkUrlWith } from './check-url.js';
export { createEgressLookup } from './lookup.js';
export { createEgressDispatcher, type EgressDispatcherOptions, type EgressLogger } from './dispatcher.js';
export { compileHostPattern, matchesAny, normaliseHost, type HostPattern } from './host-pattern.js';
