/**
 * Salesforce's token endpoint, `POST /services/oauth2/token` (form body), for the three grants
 * a connection uses: the JWT bearer grant (an RS256 assertion signed with the connected app's
 * certificate key: iss = consumer key, sub = username, aud = the login host, exp within minutes),
 * the web server flow's authorization code (with PKCE) and the refresh token. Answers carry
 * `instance_url` and no `expires_in`; refusals are `{ error, error_description }` with 400.
 * `GET /services/oauth2/authorize` consents at once and redirects with a code.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import type { SfServer } from './principal.js';
import type { SessionBook } from './sessions.js';

export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export interface ConnectedApp {
  clientId: string;
  clientSecret: string;
  /** The public half of the certificate uploaded to the connected app. */
  publicKey: KeyObject;
  /** Usernames pre-authorised for the JWT flow → their user ids. */
  users: Map<string, string>;
}

interface PendingCode { user: string; redirectUri: string; challenge?: string }

const refuse = (error: string, description: string, status = 400): SandboxResponse => ({ status, body: { error, error_description: description } });

function field(req: SandboxRequest, name: string): string | undefined {
  const value = (req.body as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

export function registerOAuthRoutes(server: SfServer, app: ConnectedApp, sessions: SessionBook): void {
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, string>();
  const grant = (req: SandboxRequest, user: string, extra: Record<string, unknown> = {}): SandboxResponse => ({
    status: 200,
    body: {
      access_token: sessions.issue(user), signature: sessions.secret(), scope: 'api refresh_token', instance_url: req.baseUrl,
      id: `${req.baseUrl}/id/${sessions.orgId}/${user}`, token_type: 'Bearer', issued_at: String(Date.now()), ...extra,
    },
  });

  const jwt = async (req: SandboxRequest): Promise<SandboxResponse> => {
    const assertion = field(req, 'assertion') ?? '';
    try {
      const { payload } = await jwtVerify(assertion, app.publicKey, { algorithms: ['RS256'], maxTokenAge: '5m' });
      if (payload.iss !== app.clientId) return refuse('invalid_client_id', 'client identifier invalid');
      if (!AUDIENCES.includes(String(payload.aud))) return refuse('invalid_grant', 'audience is invalid');
      const user = app.users.get(String(payload.sub));
      if (!user) return refuse('invalid_grant', "user hasn't approved this consumer");
      // No refresh token in this flow: a new assertion is the way to a new session.
      return { status: 200, body: { ...(grant(req, user).body as Record<string, unknown>), scope: 'api' } };
    } catch {
      return refuse('invalid_grant', 'invalid assertion');
    }
  };

  server.route('POST', '/services/oauth2/token', { auth: false }, async (req) => {
    const type = field(req, 'grant_type');
    if (type === JWT_GRANT) return jwt(req);
    if (type !== 'authorization_code' && type !== 'refresh_token') return refuse('unsupported_grant_type', 'grant type not supported');
    if (field(req, 'client_id') !== app.clientId) return refuse('invalid_client_id', 'client identifier invalid');
    if (field(req, 'client_secret') !== app.clientSecret) return refuse('invalid_client', 'invalid client credentials');
    if (type === 'refresh_token') {
      const user = refreshTokens.get(field(req, 'refresh_token') ?? '');
      return user ? grant(req, user) : refuse('invalid_grant', 'expired access/refresh token');
    }
    const code = codes.get(field(req, 'code') ?? '');
    codes.delete(field(req, 'code') ?? '');
    if (!code) return refuse('invalid_grant', 'invalid authorization code');
    if (code.redirectUri !== field(req, 'redirect_uri')) return refuse('redirect_uri_mismatch', 'redirect_uri must match configuration');
    const verifier = field(req, 'code_verifier') ?? '';
    if (code.challenge && createHash('sha256').update(verifier).digest('base64url') !== code.challenge) return refuse('invalid_grant', 'invalid code verifier');
    const refresh = `5Aep${sessions.secret()}`;
    refreshTokens.set(refresh, code.user);
    return grant(req, code.user, { refresh_token: refresh });
  });

  server.route('GET', '/services/oauth2/authorize', { auth: false }, (req) => {
    const redirect = req.query.redirect_uri;
    if (req.query.client_id !== app.clientId || !redirect) return { status: 400, body: 'error=invalid_client_id&error_description=client%20identifier%20invalid' };
    const code = `aPrx${sessions.secret()}`;
    codes.set(code, { user: [...app.users.values()][0]!, redirectUri: redirect, challenge: req.query.code_challenge });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    if (req.query.state) target.searchParams.set('state', req.query.state);
    return { status: 302, headers: { location: target.toString() } };
  });
}
