/**
 * OAuth 1.0a signature checking, written independently of the platform's signer so the two
 * check each other (RFC 5849 §3.4): the base string is METHOD & the encoded base URI (scheme,
 * host as the client addressed it, path as sent, no query) & the encoded, sorted parameters
 * (query, oauth_* header parameters except realm and the signature, a form body). NetSuite TBA
 * signs with HMAC-SHA256 keyed by `consumerSecret&tokenSecret` (docs.oracle.com … section_1534941088;
 * HMAC-SHA1 support ended with 2023.1).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxRequest } from '../../../src/sandbox/index.js';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `OAuth realm="…", oauth_…="…"` into its decoded parameters; undefined when not that scheme. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
  const match = /^OAuth\s+(.*)$/is.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, name, value] of match[1]!.matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) {
    try {
      params[name!] = name === 'realm' ? value! : decodeURIComponent(value!);
    } catch {
      return undefined;
    }
  }
  return params;
}

export function baseString(req: SandboxRequest, oauth: Record<string, string>): string {
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  const pairs: Array<[string, string]> = [...new URLSearchParams(query)];
  for (const [name, value] of Object.entries(oauth)) if (name !== 'realm' && name !== 'oauth_signature') pairs.push([name, value]);
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded') pairs.push(...new URLSearchParams(req.rawBody.toString('utf8')));
  const normalized = pairs
    .map(([n, v]) => [percentEncode(n), percentEncode(v)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
  const host = (req.headers.host ?? new URL(req.baseUrl).host).toLowerCase();
  return [req.method.toUpperCase(), percentEncode(`http://${host}${req.path}`), percentEncode(normalized)].join('&');
}

export function sign(base: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha256', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(base).digest('base64');
}

export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
