import { z } from 'zod';
import { headerSecret, parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { secretForms } from './redact.js';
import { amzDate, canonicalQuery, canonicalUri, sha256Hex, signV4, SIGV4_ALGORITHM, wirePath } from './sigv4-signing.js';
import type { AuthStrategy, OutgoingRequest } from './types.js';

export const sigv4ConfigSchema = z.object({
  accessKeyId: headerSecret,
  secretAccessKey: requiredText,
  /** For temporary (STS) credentials; sent and signed as `x-amz-security-token`. @default none */
  sessionToken: headerSecret.optional(),
  region: requiredText,
  service: requiredText,
  /** Adds (and signs) `x-amz-content-sha256`. S3 requires it. @default true for `s3`, else false */
  signContentSha256: z.boolean().optional(),
});

export type SigV4Config = z.input<typeof sigv4ConfigSchema> & {
  /** @default () => new Date() */
  now?: () => Date;
};

/**
 * Headers signed when present. Not every header: an HTTP client or proxy may add or rewrite
 * others (user-agent, content-length, connection), which would break a signature over them.
 */
function isSignedHeader(name: string): boolean {
  return name === 'host' || name === 'content-type' || name === 'content-md5' || name.startsWith('x-amz-');
}

/** AWS Signature Version 4, in the Authorization header. */
export function sigv4(config: SigV4Config): AuthStrategy {
  const { now, ...rest } = config;
  const parsed = parseStrategyConfig('sigv4', sigv4ConfigSchema, rest);
  const isS3 = parsed.service === 's3';
  const signContentSha256 = parsed.signContentSha256 ?? isS3;
  const clock = now ?? (() => new Date());

  return {
    type: 'sigv4',
    async authorize(req: OutgoingRequest) {
      const date = amzDate(clock());
      const payloadHash = sha256Hex(req.body ?? '');

      // Send exactly what is signed, so the server cannot derive a different canonical form.
      const path = wirePath(req.url.pathname, !isS3);
      const query = canonicalQuery(req.url.search);
      req.url.pathname = path;
      req.url.search = query;

      setHeader(req, 'host', req.url.host);
      setHeader(req, 'x-amz-date', date);
      if (parsed.sessionToken) setHeader(req, 'x-amz-security-token', parsed.sessionToken);
      if (signContentSha256) setHeader(req, 'x-amz-content-sha256', payloadHash);

      const toSign = Object.fromEntries(Object.entries(req.headers).filter(([name]) => isSignedHeader(name.toLowerCase())));
      const result = signV4({
        method: req.method,
        canonicalUri: canonicalUri(path, !isS3),
        canonicalQuery: query,
        headers: toSign,
        payloadHash,
        amzDate: date,
        region: parsed.region,
        service: parsed.service,
        secretAccessKey: parsed.secretAccessKey,
      });
      setHeader(
        req,
        'Authorization',
        `${SIGV4_ALGORITHM} Credential=${parsed.accessKeyId}/${result.credentialScope}, SignedHeaders=${result.signedHeaders}, Signature=${result.signature}`,
      );
    },
    // The access key id is an identifier printed in every Authorization header, not a secret.
    secrets: () => secretForms(parsed.secretAccessKey, parsed.sessionToken),
  };
}
