import { compileHostPattern, matchesAny, normaliseHost } from '../core/egress/index.js';

/** Whether a host is within the allowed domains, by the egress guard's own pattern rules. */
export function hostMatchesAny(host: string, patterns: string[]): boolean {
  const normalised = normaliseHost(host);
  if (!normalised) return false;
  try {
    return matchesAny(normalised, patterns.map(compileHostPattern));
  } catch {
    return false;
  }
}
