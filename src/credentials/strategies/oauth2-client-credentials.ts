import { z } from 'zod';
import { parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { secretForms } from './redact.js';
import { SingleFlight } from './token-cache.js';
import { requestToken } from './token-request.js';
import type { TokenSet } from './token-response.js';
import type { AuthStrategy, Clock, FetchToken } from './types.js';

export const oauth2ClientCredentialsConfigSchema = z.object({
  tokenUrl: z.url(),
  clientId: requiredText,
  clientSecret: requiredText,
  /** Space-separated on the wire. @default none */
  scope: z.union([z.string(), z.array(z.string())]).optional(),
  /** Extra form fields some vendors need, e.g. Auth0's `audience`. @default {} */
  extraParams: z.record(z.string(), z.string()).default({}),
  /** @default 'body' */
  clientAuth: z.enum(['body', 'basic']).default('body'),
  /** Renew this many seconds before expiry. @default 60 */
  skewSeconds: z.number().nonnegative().default(60),
  /** Lifetime assumed when the response has no `expires_in`. @default 3600 */
  defaultExpiresInSeconds: z.number().positive().default(3600),
});

export type OAuth2ClientCredentialsConfig = z.input<typeof oauth2ClientCredentialsConfigSchema> & {
  fetchToken: FetchToken;
  /** @default Date.now */
  now?: Clock;
};

/** OAuth 2.0 client credentials grant (RFC 6749 §4.4): one cached token, shared by concurrent callers. */
export function oauth2ClientCredentials(config: OAuth2ClientCredentialsConfig): AuthStrategy & { token(): Promise<TokenSet> } {
  const { fetchToken, now: clock, ...rest } = config;
  const parsed = parseStrategyConfig('oauth2ClientCredentials', oauth2ClientCredentialsConfigSchema, rest);
  const now = clock ?? Date.now;

  const cache = new SingleFlight<TokenSet>(
    async () => {
      const form = new URLSearchParams({ ...parsed.extraParams, grant_type: 'client_credentials' });
      const scope = Array.isArray(parsed.scope) ? parsed.scope.join(' ') : parsed.scope;
      if (scope) form.set('scope', scope);
      const token = await requestToken({
        purpose: 'Client credentials token request',
        tokenUrl: parsed.tokenUrl,
        form,
        clientId: parsed.clientId,
        clientSecret: parsed.clientSecret,
        clientAuth: parsed.clientAuth,
        fetchToken,
        secrets: secretForms(parsed.clientSecret),
        now,
      });
      return { value: token, expiresAt: token.expiresAt ?? now() + parsed.defaultExpiresInSeconds * 1000 };
    },
    { skewMs: parsed.skewSeconds * 1000, now },
  );

  return {
    type: 'oauth2_client_credentials',
    token: () => cache.get(),
    async authorize(req) {
      const token = await cache.get();
      setHeader(req, 'Authorization', `Bearer ${token.accessToken}`);
    },
    secrets: () => secretForms(parsed.clientSecret, cache.peek()?.accessToken),
    invalidate: () => cache.invalidate(),
  };
}
