import { SignJWT } from 'jose';
import { z } from 'zod';
import { parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { loadRsaPrivateKey, pemSecrets } from './private-key.js';
import { secretForms } from './redact.js';
import { SingleFlight } from './token-cache.js';
import { requestToken } from './token-request.js';
import type { TokenSet } from './token-response.js';
import type { AuthStrategy, Clock, FetchToken } from './types.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export const jwtBearerConfigSchema = z.object({
  /** `iss`: the client id (Salesforce: the connected app's consumer key). */
  issuer: requiredText,
  /** `sub`: the user the token acts as (Salesforce: the username). */
  subject: requiredText,
  /** `aud`: the authorization server (Salesforce: `https://login.salesforce.com`). */
  audience: requiredText,
  privateKeyPem: requiredText,
  tokenUrl: z.url(),
  algorithm: z.literal('RS256').default('RS256'),
  /** Assertion lifetime; Salesforce rejects an `exp` more than 3 minutes out. @default 180 */
  expiresInSeconds: z.number().int().positive().default(180),
  /**
   * Access-token lifetime assumed when the response has no `expires_in` (Salesforce sends none).
   * 15 minutes is Salesforce's shortest session timeout; a 401 earlier also forces a new token.
   * @default 900
   */
  defaultTokenTtlSeconds: z.number().positive().default(900),
  /** @default 60 */
  skewSeconds: z.number().nonnegative().default(60),
});

export type JwtBearerConfig = z.input<typeof jwtBearerConfigSchema> & {
  fetchToken: FetchToken;
  /** @default Date.now */
  now?: Clock;
};

/**
 * RFC 7523 JWT bearer grant (Salesforce "OAuth 2.0 JWT Bearer Flow"): sign an RS256 assertion,
 * exchange it for an access token, cache the token until shortly before it expires.
 * `token()` exposes the whole response, e.g. Salesforce's `instance_url`.
 */
export function jwtBearer(config: JwtBearerConfig): AuthStrategy & { token(): Promise<TokenSet> } {
  const { fetchToken, now: clock, ...rest } = config;
  const parsed = parseStrategyConfig('jwtBearer', jwtBearerConfigSchema, rest);
  const key = loadRsaPrivateKey('jwtBearer', parsed.privateKeyPem);
  const now = clock ?? Date.now;
  let lastAssertion: string | undefined;

  const cache = new SingleFlight<TokenSet>(
    async () => {
      const issuedAt = Math.floor(now() / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: parsed.algorithm })
        .setIssuer(parsed.issuer)
        .setSubject(parsed.subject)
        .setAudience(parsed.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + parsed.expiresInSeconds)
        .sign(key);
      lastAssertion = assertion;
      const token = await requestToken({
        purpose: 'JWT bearer token request',
        tokenUrl: parsed.tokenUrl,
        form: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }),
        fetchToken,
        secrets: [assertion, ...pemSecrets(parsed.privateKeyPem)],
        now,
        invalidGrantMessage:
          'JWT bearer assertion was refused (invalid_grant): check that the user has approved the app, the certificate matches and the audience is right',
      });
      return { value: token, expiresAt: token.expiresAt ?? now() + parsed.defaultTokenTtlSeconds * 1000 };
    },
    { skewMs: parsed.skewSeconds * 1000, now },
  );

  return {
    type: 'jwt_bearer',
    token: () => cache.get(),
    async authorize(req) {
      const token = await cache.get();
      setHeader(req, 'Authorization', `Bearer ${token.accessToken}`);
    },
    secrets: () => [...pemSecrets(parsed.privateKeyPem), ...secretForms(lastAssertion, cache.peek()?.accessToken)],
    invalidate: () => cache.invalidate(),
  };
}
