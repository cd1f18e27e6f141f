/**
 * The Microsoft identity platform's token endpoint for the client credentials grant,
 * `POST /{tenant}/oauth2/v2.0/token` (learn.microsoft.com/entra/identity-platform/
 * v2-oauth2-client-creds-grant-flow): a form with `client_id`, `client_secret`, `scope` (the
 * resource plus `/.default`) and `grant_type=client_credentials`, answered with a bearer token
 * for that resource (`expires_in` ≈ an hour, no refresh token). Refusals are `{ error,
 * error_description: "AADSTS…", error_codes }`. The sandbox plays this host and Dataverse's on
 * one port; the platform sends token requests to the sandbox by path.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import type { DvServer } from './principal.js';

export const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface IssuedToken {
  clientId: string;
  /** The resource the token was asked for, e.g. `https://contoso.crm.dynamics.com`. */
  audience: string;
  expiresAt: number;
}

/** Tokens issued; revoking the app drops them all and its secret stops working. */
export class TokenBook {
  private readonly tokens = new Map<string, IssuedToken>();
  revoked = false;

  constructor(private readonly clock: Clock, readonly lifetimeSeconds = 3599) {}

  issue(clientId: string, audience: string): string {
    // Shaped like a JWT (three base64url parts); nothing reads inside it.
    const token = ['eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9', randomBytes(48).toString('base64url'), randomBytes(32).toString('base64url')].join('.');
    this.tokens.set(token, { clientId, audience, expiresAt: this.clock.now() + this.lifetimeSeconds * 1000 });
    return token;
  }

  check(token: string | undefined): IssuedToken | undefined {
    const issued = token === undefined ? undefined : this.tokens.get(token);
    return issued && !this.revoked && issued.expiresAt > this.clock.now() ? issued : undefined;
  }

  revokeAll(): void {
    this.revoked = true;
    this.tokens.clear();
  }
}

function field(req: SandboxRequest, name: string): string | undefined {
  const value = (req.body as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(status: number, error: string, code: number, description: string): SandboxResponse {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: { error, error_description: `AADSTS${code}: ${description} Trace ID: 0d7c2d4e-1b7a-4f0e-9d3c-5b1e2f3a4b00 Timestamp: ${now}`, error_codes: [code], timestamp: now, trace_id: '0d7c2d4e-1b7a-4f0e-9d3c-5b1e2f3a4b00', correlation_id: 'a9c1e2f3-4b5d-4e6f-8a7b-9c0d1e2f3a4b' },
  };
}

export function registerTokenRoute(server: DvServer, app: AppRegistration, book: TokenBook): void {
  server.route('POST', '/:tenant/oauth2/v2.0/token', { auth: false }, (req) => {
    if (req.params.tenant !== app.tenantId) return refuse(400, 'invalid_request', 90002, `Tenant '${req.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    if (field(req, 'grant_type') !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (field(req, 'client_id') !== app.clientId) return refuse(400, 'unauthorized_client', 700016, `Application with identifier '${field(req, 'client_id') ?? ''}' was not found in the directory '${app.tenantId}'.`);
    if (book.revoked || field(req, 'client_secret') !== app.clientSecret) return refuse(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.');
    const scope = field(req, 'scope') ?? '';
    if (!scope.endsWith('/.default')) return refuse(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    const token = book.issue(app.clientId, scope.slice(0, -'/.default'.length));
    return { status: 200, body: { token_type: 'Bearer', expires_in: book.lifetimeSeconds, ext_expires_in: book.lifetimeSeconds, access_token: token } };
  });
}
