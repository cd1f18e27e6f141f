/**
 * Who may call the stand-in: HTTP Basic with the Account SID and auth token, or an API key SID
 * and secret (twilio.com/docs/iam/api/authentication). Anything else is 20003 "Authenticate".
 */
import { basicCredentials, type AuthResult, type SandboxRequest } from '../../../src/sandbox/index.js';
import { authenticate } from './errors.js';

export interface Principal {
  accountSid: string;
  via: 'auth_token' | 'api_key';
}

export class KeyRing {
  private revoked = false;

  constructor(readonly accountSid: string, readonly authToken: string, readonly apiKeySid: string, readonly apiKeySecret: string) {}

  revoke(): void {
    this.revoked = true;
  }

  restore(): void {
    this.revoked = false;
  }

  check(req: SandboxRequest): AuthResult<Principal> {
    const basic = basicCredentials(req);
    if (!basic || this.revoked) return { ok: false, response: authenticate() };
    if (basic.username === this.accountSid && basic.password === this.authToken) return { ok: true, principal: { accountSid: this.accountSid, via: 'auth_token' } };
    if (basic.username === this.apiKeySid && basic.password === this.apiKeySecret) return { ok: true, principal: { accountSid: this.accountSid, via: 'api_key' } };
    return { ok: false, response: authenticate() };
  }
}
