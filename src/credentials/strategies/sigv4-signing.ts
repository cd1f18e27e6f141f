import { createHash, createHmac } from 'node:crypto';
import { percentDecode, percentEncode } from './percent-encode.js';

/** The published name of the algorithm, and the first word of the Authorization header. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request")`. */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}

/** `20150830T123600Z`, the x-amz-date format. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The path as it should go on the wire: each segment decoded, then RFC 3986-encoded once.
 * Sending exactly this removes any doubt about which encoding the server will re-derive.
 * `normalize` (every service but S3) also drops empty, `.` and `..` segments as AWS does.
 */
export function wirePath(pathname: string, normalize: boolean): string {
  const trailing = pathname.length > 1 && pathname.endsWith('/');
  const segments = pathname.split('/').slice(1).map(percentDecode);
  let kept: string[] = segments;
  if (normalize) {
    kept = [];
    for (const segment of segments) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') kept.pop();
      else kept.push(segment);
    }
    const path = `/${kept.map(percentEncode).join('/')}`;
    return trailing && kept.length > 0 ? `${path}/` : path;
  }
  return `/${kept.map(percentEncode).join('/')}`;
}

/**
 * The canonical URI. AWS: "each path segment must be URI-encoded twice (except for Amazon S3
 * which only gets URI-encoded once)". The wire path is the first encoding.
 */
export function canonicalUri(path: string, doubleEncode: boolean): string {
  if (!doubleEncode) return path;
  return path.split('/').map((segment) => percentEncode(segment)).join('/');
}

/** Query pairs RFC 3986-encoded and sorted by name, then value. Also what is sent on the wire. */
export function canonicalQuery(search: string): string {
  return [...new URLSearchParams(search)]
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Lower-case names, values trimmed with inner runs of spaces collapsed, sorted by name. */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signed: entries.map(([name]) => name).join(';'),
  };
}

export interface SigningInput {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** Only the headers to sign. */
  headers: Record<string, string>;
  payloadHash: string;
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}

export interface SigningResult {
  canonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaders: string;
  signature: string;
}

/** Steps 1-4 of SigV4: canonical request, string to sign, signing key, signature. */
export function signV4(input: SigningInput): SigningResult {
  const { canonical, signed } = canonicalHeaders(input.headers);
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.canonicalUri,
    input.canonicalQuery,
    canonical,
    signed,
    input.payloadHash,
  ].join('\n');
  const day = input.amzDate.slice(0, 8);
  const credentialScope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = [SIGV4_ALGORITHM, input.amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', deriveSigningKey(input.secretAccessKey, day, input.region, input.service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  return { canonicalRequest, stringToSign, credentialScope, signedHeaders: signed, signature };
}
