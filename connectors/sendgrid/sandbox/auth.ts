/**
 * Who may call the stand-in: `Authorization: Bearer <API key>` with a key it issued. A missing
 * header is "authorization required", a wrong or revoked key "The provided authorization grant
 * is invalid, expired, or revoked" (401); the key's scopes decide what it may do (403).
 */
import { bearerToken, type AuthResult, type SandboxRequest } from '../../../src/sandbox/index.js';
import { authorizationRequired, invalidGrant } from './errors.js';

export interface Principal {
  key: string;
  scopes: string[];
}

export class KeyRing {
  private readonly revoked = new Set<string>();

  constructor(private readonly keys: Map<string, string[]>) {}

  revoke(key: string): void {
    this.revoked.add(key);
  }

  restore(key: string): void {
    this.revoked.delete(key);
  }

  check(req: SandboxRequest): AuthResult<Principal> {
    const key = bearerToken(req);
    if (key === undefined) return { ok: false, response: authorizationRequired() };
    const scopes = this.keys.get(key);
    if (!scopes || this.revoked.has(key)) return { ok: false, response: invalidGrant() };
    return { ok: true, principal: { key, scopes } };
  }
}
