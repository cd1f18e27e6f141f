/**
 * Who may call the stand-in: `X-Postmark-Server-Token` with the server's token, or
 * `POSTMARK_API_TEST`, Postmark's documented test token (requests are validated and answered,
 * nothing is delivered). Missing or wrong: 401, ErrorCode 10.
 */
import { headerValue, type AuthResult, type SandboxRequest } from '../../../src/sandbox/index.js';
import { badToken, missingToken } from './errors.js';

export const TEST_TOKEN = 'POSTMARK_API_TEST';

export interface Principal {
  test: boolean;
}

export class TokenBook {
  private revoked = false;

  constructor(readonly token: string) {}

  revoke(): void {
    this.revoked = true;
  }

  restore(): void {
    this.revoked = false;
  }

  check(req: SandboxRequest): AuthResult<Principal> {
    const presented = headerValue(req, 'x-postmark-server-token');
    if (!presented) return { ok: false, response: missingToken() };
    if (presented === TEST_TOKEN) return { ok: true, principal: { test: true } };
    if (presented !== this.token || this.revoked) return { ok: false, response: badToken() };
    return { ok: true, principal: { test: false } };
  }
}
