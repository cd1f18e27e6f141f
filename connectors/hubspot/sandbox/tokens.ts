/**
 * The credentials the sandbox accepts: private app tokens (`pat-na1-…`, no expiry, all four CRM
 * scopes) and OAuth access tokens issued by its `/oauth/v1/token` (30 minutes, HubSpot's
 * `expires_in: 1800`, with the scopes consented to). Unknown or revoked tokens get HubSpot's 401,
 * expired ones its EXPIRED_AUTHENTICATION.
 */
import { uuidIds, type Clock } from '../../../src/sandbox/index.js';

export interface Principal {
  token: string;
  /** OAuth calls carry no daily-limit headers: HubSpot has no daily limit for them. */
  kind: 'private_app' | 'oauth';
  /** Whose limits the call counts against: the private app, or the OAuth app (client id). */
  app: string;
  scopes: readonly string[];
}

export type TokenCheck = { ok: true; principal: Principal } | { ok: false; expiredMinutesAgo?: number };

interface Grant {
  clientId: string;
  scopes: string[];
}

interface PendingCode extends Grant {
  redirectUri: string;
  codeChallenge?: string;
  expiresAt: number;
}

export const PRIVATE_APP_SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'crm.objects.companies.write'];
export const ACCESS_TOKEN_SECONDS = 1800;
// HubSpot's authorization codes are single-use and short-lived.
const CODE_LIFETIME_MS = 10 * 60_000;

export class TokenBook {
  readonly clients = new Map<string, string>();
  readonly refreshTokens = new Map<string, Grant>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly privateApps = new Set<string>();
  private readonly accessTokens = new Map<string, Grant & { expiresAt: number }>();
  private readonly nextUuid: () => string;

  constructor(private readonly clock: Clock, seed: number) {
    this.nextUuid = uuidIds({ seed });
  }

  addPrivateApp(): string {
    const token = `pat-na1-${this.nextUuid()}`;
    this.privateApps.add(token);
    return token;
  }

  addClient(): { clientId: string; clientSecret: string } {
    const clientId = this.nextUuid();
    const clientSecret = this.nextUuid();
    this.clients.set(clientId, clientSecret);
    return { clientId, clientSecret };
  }

  issueCode(clientId: string, redirectUri: string, options: { codeChallenge?: string; scopes?: string[] } = {}): string {
    const code = `na1-${this.nextUuid()}`;
    const scopes = options.scopes ?? PRIVATE_APP_SCOPES;
    this.codes.set(code, { clientId, redirectUri, codeChallenge: options.codeChallenge, scopes, expiresAt: this.clock.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Redeems a code once; an expired or reused code is gone. */
  takeCode(code: string): PendingCode | undefined {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    return pending && pending.expiresAt > this.clock.now() ? pending : undefined;
  }

  /** A fresh access token, and a refresh token unless the current one is kept. */
  issueTokens(grant: Grant, keepRefresh?: string): { access_token: string; refresh_token: string; expires_in: number; token_type: 'bearer' } {
    // HubSpot's access tokens are opaque base64-ish strings of up to ~300 characters.
    const access = `CN${Buffer.from(this.nextUuid() + this.nextUuid()).toString('base64url')}`;
    this.accessTokens.set(access, { ...grant, expiresAt: this.clock.now() + ACCESS_TOKEN_SECONDS * 1000 });
    const refresh = keepRefresh ?? `na1-${this.nextUuid()}`;
    this.refreshTokens.set(refresh, grant);
    return { token_type: 'bearer', refresh_token: refresh, access_token: access, expires_in: ACCESS_TOKEN_SECONDS };
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false };
    if (this.privateApps.has(token)) return { ok: true, principal: { token, kind: 'private_app', app: token, scopes: PRIVATE_APP_SCOPES } };
    const access = this.accessTokens.get(token);
    if (!access) return { ok: false };
    const now = this.clock.now();
    if (now >= access.expiresAt) return { ok: false, expiredMinutesAgo: Math.max(1, Math.floor((now - access.expiresAt) / 60_000)) };
    return { ok: true, principal: { token, kind: 'oauth', app: access.clientId, scopes: access.scopes } };
  }

  /** A deleted private app or an uninstalled OAuth app: every token stops working at once. */
  revokeAll(): void {
    this.privateApps.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}

/** The scope a CRM call needs: notes are engagements, governed by the contacts scopes. */
export function requiredScope(method: string, path: string): string | undefined {
  const match = /^\/crm\/v[34]\/(?:objects|associations)\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return undefined;
  const family = match[1] === 'companies' ? 'companies' : 'contacts';
  const reads = method === 'GET' || /\/(search|batch\/read)$/.test(match[2] ?? '');
  return `crm.objects.${family}.${reads ? 'read' : 'write'}`;
}
