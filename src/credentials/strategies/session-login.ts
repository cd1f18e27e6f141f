import { AuthError } from './auth-error.js';
import { secretForms } from './redact.js';
import { SingleFlight } from './token-cache.js';
import type { AuthStrategy, Clock, OutgoingRequest } from './types.js';

export interface Session {
  sessionId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface SessionLoginConfig {
  /** Performs the vendor's login call (e.g. Sage Intacct `getAPISession`). */
  login: () => Promise<Session>;
  /** Puts the session on a request: a header, a cookie, or a field the caller's body builder reads. */
  apply: (req: OutgoingRequest, sessionId: string) => void;
  /** Log in again this many seconds before the session expires. @default 60 */
  skewSeconds?: number;
  /** @default Date.now */
  now?: Clock;
}

/**
 * A vendor session obtained by a login call and reused until it expires. One login at a time:
 * vendors such as Sage Intacct count concurrent sessions, and parallel logins waste them.
 * Errors thrown by `login` pass through unchanged; they come from the executor, already classified.
 */
export function sessionLogin(config: SessionLoginConfig): AuthStrategy {
  const now = config.now ?? Date.now;
  const cache = new SingleFlight<string>(
    async () => {
      const session = await config.login();
      if (typeof session?.sessionId !== 'string' || session.sessionId === '') {
        throw new AuthError('session_login_invalid', 'Session login returned no session id', { kind: 'permanent' });
      }
      if (typeof session.expiresAt !== 'number' || !Number.isFinite(session.expiresAt)) {
        // The message names the field only: the session id beside it is a live credential.
        throw new AuthError('session_login_invalid', 'Session login returned no usable expiresAt (epoch milliseconds)', {
          kind: 'permanent',
        });
      }
      return { value: session.sessionId, expiresAt: session.expiresAt };
    },
    { skewMs: (config.skewSeconds ?? 60) * 1000, now },
  );

  return {
    type: 'session_login',
    async authorize(req) {
      config.apply(req, await cache.get());
    },
    secrets: () => secretForms(cache.peek()),
    invalidate: () => cache.invalidate(),
  };
}
