import { EgressError } from './errors.js';
import { parseHostLiteral, stripBrackets } from './host-literal.js';
import { addressText } from './forbidden-address.js';

/**
 * Host patterns of `allowedDomains` and org allowlists.
 *
 * - `api.hubspot.com` matches that host only.
 * - `*.salesforce.com` matches one or more labels in front (`na1.salesforce.com`,
 *   `a.b.salesforce.com`) but NOT the apex `salesforce.com`: list the apex separately when the
 *   vendor serves from it. A wildcard needs at least two labels after it (`*.com` is refused).
 * - Matching is on the ASCII form: case-folded, trailing dot removed, IDN in punycode (patterns
 *   are normalised the same way, so `bücher.de` in a pattern matches `xn--bcher-kva.de`).
 * - An IP literal pattern matches that address in any notation.
 *
 * A malformed pattern throws `invalid_policy` rather than silently matching nothing, so a broken
 * connector definition fails loudly on its first call.
 */
export interface HostPattern {
  readonly source: string;
  readonly wildcard: boolean;
  /** Normalised host (exact) or suffix without the leading `*.` (wildcard). */
  readonly host: string;
}

/**
 * The comparable form of a host: lower case, one trailing dot dropped, brackets off, IP literals
 * in canonical text. Returns null when the host has an empty label (`a..b`, `.b`), which no real
 * vendor host has and which would confuse suffix matching.
 */
export function normaliseHost(host: string): string | null {
  let h = stripBrackets(host.toLowerCase());
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h === '') return null;
  const literal = parseHostLiteral(h);
  if (literal) return addressText(literal);
  return h.split('.').some((label) => label === '') ? null : h;
}

function invalid(pattern: string, why: string): EgressError {
  return new EgressError('invalid_policy', `host pattern "${pattern}" ${why}`);
}

export function compileHostPattern(pattern: string): HostPattern {
  const trimmed = pattern.trim();
  const wildcard = trimmed.startsWith('*.');
  const body = wildcard ? trimmed.slice(2) : trimmed;
  if (body.includes('*')) throw invalid(pattern, 'may only use "*." as its first label');
  if (/[/\\?#@\s]/.test(body) || (body.includes(':') && !body.startsWith('['))) {
    throw invalid(pattern, 'must be a bare host (no scheme, port, path or userinfo)');
  }
  let ascii: string;
  try {
    // The URL parser gives exactly the form request URLs are compared in (IDN to punycode).
    ascii = new URL(`https://${body}/`).hostname;
  } catch {
    throw invalid(pattern, 'is not a valid host');
  }
  const host = normaliseHost(ascii);
  if (host === null) throw invalid(pattern, 'has an empty label');
  if (wildcard && (parseHostLiteral(host) !== null || !host.includes('.'))) {
    throw invalid(pattern, 'needs at least two domain labels after "*."');
  }
  return { source: pattern, wildcard, host };
}

/** `host` must already be normalised with `normaliseHost`. */
export function matchesHostPattern(host: string, pattern: HostPattern): boolean {
  if (!pattern.wildcard) return host === pattern.host;
  return host.length > pattern.host.length + 1 && host.endsWith(`.${pattern.host}`);
}

export function matchesAny(host: string, patterns: readonly HostPattern[]): boolean {
  return patterns.some((p) => matchesHostPattern(host, p));
}
