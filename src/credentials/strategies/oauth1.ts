import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseStrategyConfig, requiredText } from './config.js';
import { bodyText, getHeader, setHeader } from './headers.js';
import { formPairs, hmacSignature, signatureBaseString, type ParamPair } from './oauth1-signature.js';
import { percentEncode } from './percent-encode.js';
import { secretForms } from './redact.js';
import type { AuthStrategy } from './types.js';

export const oauth1HmacConfigSchema = z.object({
  consumerKey: requiredText,
  consumerSecret: requiredText,
  token: requiredText,
  tokenSecret: requiredText,
  /** NetSuite puts the account id here (`1234567_SB1`). Not part of the signature. @default none */
  realm: z
    .string()
    // It is written inside a quoted-string, so quotes, backslashes and control characters are out.
    .refine((r) => !/["\\\u0000-\u001f\u007f]/.test(r), 'must not contain quotes, backslashes or control characters')
    .optional(),
  signatureMethod: z.enum(['HMAC-SHA256', 'HMAC-SHA1']),
  /** Sends `oauth_version="1.0"`, optional in RFC 5849 but expected by NetSuite. @default true */
  includeVersion: z.boolean().default(true),
});

export type OAuth1HmacConfig = z.input<typeof oauth1HmacConfigSchema> & {
  /** @default 32 random hex characters */
  nonce?: () => string;
  /** Seconds since the epoch, as a string. @default the current time */
  timestamp?: () => string;
};

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * OAuth 1.0a with HMAC signatures (RFC 5849), e.g. NetSuite token-based authentication.
 * Query parameters and form bodies are signed; the protocol parameters travel in the
 * `Authorization: OAuth` header only.
 */
export function oauth1Hmac(config: OAuth1HmacConfig): AuthStrategy {
  const { nonce, timestamp, ...rest } = config;
  const parsed = parseStrategyConfig('oauth1Hmac', oauth1HmacConfigSchema, rest);
  const nextNonce = nonce ?? (() => randomBytes(16).toString('hex'));
  const nextTimestamp = timestamp ?? (() => String(Math.floor(Date.now() / 1000)));

  return {
    type: 'oauth1_hmac',
    async authorize(req) {
      const protocol: ParamPair[] = [
        ['oauth_consumer_key', parsed.consumerKey],
        ['oauth_token', parsed.token],
        ['oauth_signature_method', parsed.signatureMethod],
        ['oauth_timestamp', nextTimestamp()],
        ['oauth_nonce', nextNonce()],
      ];
      if (parsed.includeVersion) protocol.push(['oauth_version', '1.0']);

      const pairs: ParamPair[] = [...formPairs(req.url.search), ...protocol];
      // §3.4.1.3.1: the body counts only when it is a single-part form.
      const contentType = getHeader(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
      if (contentType === FORM_CONTENT_TYPE) pairs.push(...formPairs(bodyText(req)));

      const base = signatureBaseString(req.method, req.url, pairs);
      const signature = hmacSignature(base, parsed.consumerSecret, parsed.tokenSecret, parsed.signatureMethod);

      const fields = [...protocol, ['oauth_signature', signature] as const].map(
        ([name, value]) => `${name}="${percentEncode(value)}"`,
      );
      if (parsed.realm !== undefined) fields.unshift(`realm="${parsed.realm}"`);
      setHeader(req, 'Authorization', `OAuth ${fields.join(', ')}`);
    },
    // NetSuite treats the consumer key and token id as credentials too, so all four are scrubbed.
    secrets: () => secretForms(parsed.consumerKey, parsed.consumerSecret, parsed.token, parsed.tokenSecret),
  };
}
