/**
 * The bot token, from `Authorization: Bearer` or a `token` argument (both accepted by Slack).
 * Refusals are Slack's HTTP 200 errors: `not_authed` (no token), `invalid_auth` (unknown),
 * `token_revoked`.
 */
import { bearerToken, type AuthHook } from '../../../src/sandbox/index.js';
import { argsOf, text } from './args.js';

export interface SlackPrincipal {
  token: string;
  botId: string;
  botUserId: string;
  appId: string;
}

export class TokenRing {
  private readonly tokens = new Map<string, { principal: SlackPrincipal; revoked: boolean }>();

  add(principal: SlackPrincipal): void {
    this.tokens.set(principal.token, { principal, revoked: false });
  }

  revoke(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  restore(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = false;
  }

  hook(): AuthHook<SlackPrincipal> {
    return (req) => {
      const token = bearerToken(req) ?? text(argsOf(req), 'token');
      const refuse = (error: string) => ({ ok: false as const, response: { status: 200, body: { ok: false, error } } });
      if (!token) return refuse('not_authed');
      const entry = this.tokens.get(token);
      if (!entry) return refuse('invalid_auth');
      if (entry.revoked) return refuse('token_revoked');
      return { ok: true, principal: entry.principal };
    };
  }
}
