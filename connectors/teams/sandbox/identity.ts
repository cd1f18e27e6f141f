/**
 * The Microsoft identity platform's token endpoint, `POST /{tenant}/oauth2/v2.0/token`
 * (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow), for the
 * client-credentials grant with scope `https://graph.microsoft.com/.default`, and Graph's check
 * of the bearer token on every call. Refusals carry Entra's AADSTS codes.
 */
import { bearerToken, type AuthHook, type SandboxServer } from '../../../src/sandbox/index.js';
import { errorAnswer } from './answers.js';
import type { Clock } from '../../../src/sandbox/index.js';
import type { GraphIds } from './ids.js';

export interface GraphPrincipal {
  kind: 'app' | 'user';
  appId: string;
  /** The signed-in user, for a delegated token. */
  userId?: string;
  expiresAt: number;
}

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** An expired secret is refused (AADSTS7000222). */
  secretExpired?: boolean;
}

/** One hour, as Entra issues (`expires_in` 3599). */
const LIFETIME_S = 3599;

export class TokenBook {
  private readonly tokens = new Map<string, GraphPrincipal>();
  /** Admin consent withdrawn: tokens are still issued, but carry no roles Graph accepts. */
  consentRevoked = false;

  constructor(private readonly ids: GraphIds, private readonly clock: Clock) {}

  issue(principal: Omit<GraphPrincipal, 'expiresAt'>): string {
    const token = this.ids.token();
    this.tokens.set(token, { ...principal, expiresAt: this.clock.now() + LIFETIME_S * 1000 });
    return token;
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  hook(): AuthHook<GraphPrincipal> {
    return (req) => {
      const token = bearerToken(req);
      const principal = token ? this.tokens.get(token) : undefined;
      const refuse = (message: string) => ({ ok: false as const, response: errorAnswer(req, 401, 'InvalidAuthenticationToken', message) });
      if (!token) return refuse('Access token is empty.');
      if (!principal) return refuse('IDX14100: JWT is not well formed, there are no dots (.).');
      if (principal.expiresAt <= this.clock.now()) return refuse('Lifetime validation failed, the token is expired.');
      if (this.consentRevoked && principal.kind === 'app') return { ok: false, response: errorAnswer(req, 403, 'Forbidden', 'Missing role permissions on the request. API requires one of \'ChannelMessage.Read.All, Teamwork.Migrate.All\'. Roles on the request \'\'.') };
      return { ok: true, principal };
    };
  }
}

function tokenError(status: number, error: string, description: string) {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() } };
}

export function registerTokenEndpoint(server: SandboxServer<GraphPrincipal>, app: AppRegistration, book: TokenBook): void {
  server.route('POST', '/:tenant/oauth2/v2.0/token', { auth: false }, (req) => {
    const form = new URLSearchParams(req.rawBody.toString('utf8'));
    if (req.params.tenant !== app.tenantId) return tokenError(400, 'invalid_request', `AADSTS90002: Tenant '${req.params.tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') return tokenError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (form.get('client_id') !== app.clientId) return tokenError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found in the directory.`);
    if (form.get('client_secret') === app.clientSecret && app.secretExpired) return tokenError(401, 'invalid_client', `AADSTS7000222: The provided client secret keys for app '${app.clientId}' are expired.`);
    if (form.get('client_secret') !== app.clientSecret) return tokenError(401, 'invalid_client', `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`);
    if (form.get('scope') !== 'https://graph.microsoft.com/.default') return tokenError(400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
    const accessToken = book.issue({ kind: 'app', appId: app.clientId });
    return { status: 200, body: { token_type: 'Bearer', expires_in: LIFETIME_S, ext_expires_in: LIFETIME_S, access_token: accessToken } };
  });
}
