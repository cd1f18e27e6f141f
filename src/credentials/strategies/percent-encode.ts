/**
 * RFC 3986 percent-encoding: everything except the unreserved set `A-Z a-z 0-9 - . _ ~`.
 * Both OAuth 1.0a (RFC 5849 §3.6) and SigV4 require exactly this; `encodeURIComponent` alone
 * leaves `! ' ( ) *` bare, which breaks signatures.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes a %XX sequence string; an invalid sequence is kept as written rather than thrown. */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
