/**
 * Token-based authentication as the stand-in checks it: one integration record (consumer key and
 * secret) and one access token (token id and secret) for the account, the realm naming the
 * account, HMAC-SHA256 only, a timestamp within five minutes of the server's clock, and every
 * nonce-and-timestamp pair used once ("NonceUsed"; a nonce shorter than six characters is
 * "nonce_rejected": docs.oracle.com … subsect_156935170194). Every refusal is the same documented
 * 401 INVALID_LOGIN body; the reason goes to the login audit trail, as NetSuite keeps it.
 */
import { seededRng, type AuthResult, type Clock, type SandboxRequest } from '../../../src/sandbox/index.js';
import { invalidLogin } from './errors.js';
import { baseString, parseOAuthHeader, sameSignature, sign } from './signature.js';

export interface Principal {
  accountId: string;
  tokenId: string;
}

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface AuditEntry {
  at: number;
  status: 'Success' | 'Failure';
  detail: string;
}

/** @default 300 seconds either side of the server clock (unverified: NetSuite does not document its window). */
export const TIMESTAMP_WINDOW_S = 300;

function hex(rng: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(rng() * 16).toString(16)).join('');
}

export class TokenBook {
  readonly credentials: TbaCredentials;
  readonly audit: AuditEntry[] = [];
  private readonly nonces = new Map<string, number>();
  private revoked = false;

  constructor(private readonly clock: Clock, readonly accountId: string, seed: number) {
    const rng = seededRng(seed);
    // NetSuite shows each of the four as 64 hexadecimal characters.
    this.credentials = { consumerKey: hex(rng, 64), consumerSecret: hex(rng, 64), tokenId: hex(rng, 64), tokenSecret: hex(rng, 64) };
  }

  /** An administrator revokes the access token (Setup > Users/Roles > Access Tokens). */
  revoke(): void {
    this.revoked = true;
  }

  check(req: SandboxRequest): AuthResult<Principal> {
    const reason = this.reason(req);
    this.audit.push({ at: this.clock.now(), status: reason ? 'Failure' : 'Success', detail: reason ?? 'Token-based authentication' });
    return reason ? { ok: false, response: invalidLogin() } : { ok: true, principal: { accountId: this.accountId, tokenId: this.credentials.tokenId } };
  }

  private reason(req: SandboxRequest): string | undefined {
    const oauth = parseOAuthHeader(req.headers.authorization);
    if (!oauth) return 'MissingTokenPassportRequiredFields';
    const required = ['realm', 'oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature'];
    if (required.some((name) => !oauth[name])) return 'MissingTokenPassportRequiredFields';
    if (oauth.realm!.toUpperCase() !== this.accountId.toUpperCase()) return 'InvalidAccount';
    if (oauth.oauth_version !== undefined && oauth.oauth_version !== '1.0') return 'InvalidVersion';
    if (oauth.oauth_signature_method !== 'HMAC-SHA256') return 'InvalidSignatureMethod';
    const { consumerKey, consumerSecret, tokenId, tokenSecret } = this.credentials;
    if (oauth.oauth_consumer_key !== consumerKey) return 'consumer_key_unknown';
    if (oauth.oauth_token !== tokenId || this.revoked) return 'InvalidToken';
    const timestamp = Number(oauth.oauth_timestamp);
    const now = this.clock.now() / 1000;
    if (!/^\d+$/.test(oauth.oauth_timestamp!) || Math.abs(now - timestamp) > TIMESTAMP_WINDOW_S) return 'InvalidTimestamp';
    if (oauth.oauth_nonce!.length < 6) return 'nonce_rejected';
    if (!sameSignature(oauth.oauth_signature!, sign(baseString(req, oauth), consumerSecret, tokenSecret))) return 'InvalidSignature';
    // Only a correctly signed request spends its nonce, so a forger cannot burn nonces.
    const key = `${oauth.oauth_nonce}|${oauth.oauth_timestamp}`;
    this.prune(now);
    if (this.nonces.has(key)) return 'NonceUsed';
    this.nonces.set(key, timestamp);
    return undefined;
  }

  private prune(now: number): void {
    if (this.nonces.size < 10_000) return;
    for (const [key, at] of this.nonces) if (now - at > TIMESTAMP_WINDOW_S) this.nonces.delete(key);
  }
}
