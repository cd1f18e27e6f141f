/**
 * Who may call the stand-in: the account owner with an API token (Basic `{email}/token:{token}`)
 * or an OAuth access token (Bearer). Password Basic auth is refused, as Zendesk has refused it
 * for API calls since 2024. The owner is not one of the stored users (see README).
 */
import { basicCredentials, bearerToken, seededRng, type AuthResult, type SandboxRequest } from '../../../src/sandbox/index.js';
import { unauthorized } from './errors.js';

export interface Principal {
  email: string;
  via: 'api_token' | 'oauth';
}

export const OWNER = { id: 360_000_000, name: 'Forge Admin', email: 'admin@forgeworks.example', role: 'admin' as const };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(rng: () => number, length: number): string {
  return Array.from({ length }, () => ALPHABET[Math.floor(rng() * ALPHABET.length)]).join('');
}

export class AccessBook {
  readonly apiToken: string;
  readonly oauthToken: string;
  private revoked = false;

  constructor(seed: number) {
    const rng = seededRng(seed);
    this.apiToken = token(rng, 40);
    this.oauthToken = token(rng, 64);
  }

  /** Deactivates the token and the OAuth grant, as an admin would in Admin Center. */
  revoke(): void {
    this.revoked = true;
  }

  check(req: SandboxRequest): AuthResult<Principal> {
    if (this.revoked) return { ok: false, response: unauthorized() };
    const bearer = bearerToken(req);
    if (bearer !== undefined) return bearer === this.oauthToken ? { ok: true, principal: { email: OWNER.email, via: 'oauth' } } : { ok: false, response: unauthorized() };
    const basic = basicCredentials(req);
    if (basic && basic.username.toLowerCase() === `${OWNER.email}/token` && basic.password === this.apiToken) {
      return { ok: true, principal: { email: OWNER.email, via: 'api_token' } };
    }
    return { ok: false, response: unauthorized() };
  }
}
