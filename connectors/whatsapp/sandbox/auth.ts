/**
 * Who may call the stand-in: the system user's access token, as `Authorization: Bearer` or as
 * Graph's `access_token` query parameter. A revoked token is refused with code 190, as Graph
 * refuses an invalidated session.
 */
import { bearerToken, type AuthResult, type SandboxRequest } from '../../../src/sandbox/index.js';
import { expiredToken, invalidToken } from './errors.js';

export class TokenBook {
  private revoked = false;

  constructor(readonly token: string) {}

  revoke(): void {
    this.revoked = true;
  }

  restore(): void {
    this.revoked = false;
  }

  check(req: SandboxRequest): AuthResult<{ token: string }> {
    const presented = bearerToken(req) ?? req.query.access_token;
    if (presented !== this.token) return { ok: false, response: invalidToken() };
    if (this.revoked) return { ok: false, response: expiredToken() };
    return { ok: true, principal: { token: presented } };
  }
}
