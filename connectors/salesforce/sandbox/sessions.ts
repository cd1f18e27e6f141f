/**
 * Sessions (OAuth access tokens) the sandbox has issued: `00D…!AQ…` like Salesforce's, valid
 * until two hours pass unused (the default session timeout) or until revoked. A bad token gets
 * Salesforce's 401 `INVALID_SESSION_ID`.
 */
import { uuidIds, type Clock } from '../../../src/sandbox/index.js';
import type { Principal } from './principal.js';

export const SESSION_IDLE_MS = 2 * 60 * 60_000;

export class SessionBook {
  private readonly sessions = new Map<string, { user: string; lastUsed: number }>();
  private readonly random: () => string;

  constructor(private readonly clock: Clock, readonly orgId: string, seed: number) {
    this.random = uuidIds({ seed });
  }

  issue(user: string): string {
    const token = `${this.orgId.slice(0, 15)}!AQ${Buffer.from(this.random() + this.random(), 'utf8').toString('base64url').slice(0, 96)}`;
    this.sessions.set(token, { user, lastUsed: this.clock.now() });
    return token;
  }

  /** An opaque random value for refresh tokens, codes and signatures. */
  secret(): string {
    return Buffer.from(this.random(), 'utf8').toString('base64url');
  }

  check(token: string | undefined): Principal | undefined {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || this.clock.now() - session.lastUsed > SESSION_IDLE_MS) return undefined;
    session.lastUsed = this.clock.now();
    return { token: token!, user: session.user };
  }

  /** Every session ends at once, as when an admin revokes the connected app. */
  revokeAll(): void {
    this.sessions.clear();
  }
}
