import { createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';

/** The HMAC variants vendors use: NetSuite TBA requires HMAC-SHA256, older APIs HMAC-SHA1. */
export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256';

export type ParamPair = readonly [name: string, value: string];

/**
 * RFC 5849 §3.4.1.2: scheme and host lower-case, default port dropped, path as sent, no query.
 * WHATWG URL already lower-cases and drops default ports.
 */
export function baseStringUri(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Form-decoded pairs (`+` is a space) from a query string or x-www-form-urlencoded body, §3.4.1.3.1. */
export function formPairs(text: string): ParamPair[] {
  return [...new URLSearchParams(text)];
}

/**
 * RFC 5849 §3.4.1.3.2: encode every name and value, sort by name then value (byte order of the
 * encoded strings), join with `=` and `&`.
 */
export function normalizeParameters(pairs: readonly ParamPair[]): string {
  return pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** RFC 5849 §3.4.1.1: METHOD & encoded base URI & encoded normalized parameters. */
export function signatureBaseString(method: string, url: URL, pairs: readonly ParamPair[]): string {
  return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(normalizeParameters(pairs))].join('&');
}

/** RFC 5849 §3.4.2: HMAC keyed by encoded consumer secret `&` encoded token secret, base64. */
export function hmacSignature(
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
  method: OAuth1SignatureMethod,
): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac(method === 'HMAC-SHA256' ? 'sha256' : 'sha1', key).update(baseString).digest('base64');
}
