/**
 * The JWT bearer method's strategy. The platform's default builds the token URL by filling
 * `{loginUrl}/services/oauth2/token` from the connection, and its templates percent-encode what
 * they insert, so a whole URL comes out as `https%3A%2F%2Flogin…`. Here the URL is built from
 * the login URL's origin instead; everything else is the platform's RFC 7523 strategy as is.
 */
import type { RequestAuthorizer } from '../../src/core/index.js';
import { jwtBearer, type FetchToken } from '../../src/credentials/strategies/index.js';

/** Production orgs log in here; sandboxes at test.salesforce.com; My Domain logins at their own host. */
export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';

export function loginOrigin(config: Record<string, unknown>): string {
  const raw = typeof config.loginUrl === 'string' && config.loginUrl.trim() !== '' ? config.loginUrl.trim() : DEFAULT_LOGIN_URL;
  return new URL(raw).origin;
}

/** `fetchToken` is optional only because the definition schema types `strategy` with two parameters. */
export function salesforceJwtStrategy(secrets: Record<string, string>, config: Record<string, unknown>, fetchToken?: FetchToken): RequestAuthorizer {
  if (!fetchToken) throw new Error('the Salesforce JWT strategy needs the platform\'s token fetcher');
  const origin = loginOrigin(config);
  return jwtBearer({
    issuer: secrets.clientId ?? '', subject: secrets.username ?? '', privateKeyPem: secrets.privateKey ?? '',
    // `aud` is the login host as Salesforce names it: https://login.salesforce.com, https://test.salesforce.com or the My Domain URL.
    audience: origin, tokenUrl: `${origin}/services/oauth2/token`, fetchToken,
  });
}
