/**
 * OAuth 2.0 authorization code with refresh (and refresh-token rotation): the token set is read
 * from the store at the moment of use, and refreshed once per connection across every worker
 * when it is expired or within `refreshAheadSeconds` of expiring (see refresh-flight.ts).
 */
import { silentLogger, type Logger } from '../../core/index.js';
import type { CredentialBackend } from '../backend.js';
import { AuthError, type AuthStrategy, type ClientAuthMethod, type Clock, type FetchToken } from '../strategies/index.js';
import { setHeader } from '../strategies/headers.js';
import { secretForms } from '../strategies/redact.js';
import type { CredentialRef, SecretValues } from '../store.js';
import { PROCESS_OWNER } from './lease.js';
import { sharedRefresh } from './refresh-flight.js';
import type { RefreshContext, TokenRecord } from './refresh-types.js';
import { readTokenSet } from './token-fields.js';

export interface OAuth2RefreshingConfig {
  store: CredentialBackend;
  ref: CredentialRef;
  tokenUrl: string;
  /** @default the `clientId` stored with the token set */
  clientId?: string;
  /** @default the `clientSecret` stored with the token set (none for a public client) */
  clientSecret?: string;
  /** @default 'body' */
  clientAuth?: ClientAuthMethod;
  /** Refresh this long before expiry, so a token does not die mid-request. @default 120 */
  refreshAheadSeconds?: number;
  fetchToken: FetchToken;
  /** Names this process in lease rows. @default `${hostname}:${pid}` */
  owner?: string;
  /** Lease lifetime; must exceed the token call's timeout (10 s). @default 30_000 */
  leaseMs?: number;
  /** How often a waiting worker re-reads the store. @default 100 */
  pollMs?: number;
  /** @default Date.now */
  now?: Clock;
  /** @default silent */
  logger?: Logger;
}

export function oauth2Refreshing(config: OAuth2RefreshingConfig): AuthStrategy & { accessToken(): Promise<string> } {
  const now = config.now ?? Date.now;
  const aheadMs = (config.refreshAheadSeconds ?? 120) * 1000;
  const known = new Set<string>(secretForms(config.clientSecret));
  // After a 401 the executor calls invalidate(): the token of that version is refreshed even if
  // its expiry says otherwise (revoked early, or the vendor's clock disagrees).
  let staleVersion: number | undefined;
  let lastVersion: number | undefined;

  const remember = (secrets: SecretValues) => {
    for (const value of secretForms(secrets.accessToken, secrets.refreshToken, secrets.clientSecret)) known.add(value);
  };
  const ctx: RefreshContext = {
    store: config.store, ref: config.ref, tokenUrl: config.tokenUrl, clientId: config.clientId, clientSecret: config.clientSecret,
    clientAuth: config.clientAuth, fetchToken: config.fetchToken, owner: config.owner ?? PROCESS_OWNER,
    leaseMs: config.leaseMs ?? 30_000, pollMs: config.pollMs ?? 100, now,
    logger: (config.logger ?? silentLogger).child({ workspace: config.ref.workspaceId, connection: config.ref.connectionId }),
    remember,
    async readTokens(): Promise<TokenRecord> {
      const stored = await config.store.read(config.ref);
      const tokens = stored ? readTokenSet(stored.secrets) : undefined;
      if (!stored || !tokens) {
        throw new AuthError('invalid_config', `the connection ${config.ref.connectionId} has no stored OAuth token: authorise it first`, { kind: 'permanent', reauthRequired: true });
      }
      remember(stored.secrets);
      return { secrets: stored.secrets, tokens, version: stored.version };
    },
    usable: (record) => record.version !== staleVersion && (record.tokens.expiresAt === undefined || record.tokens.expiresAt - aheadMs > now()),
    expired: (record) => record.tokens.expiresAt !== undefined && record.tokens.expiresAt <= now(),
  };

  async function accessToken(): Promise<string> {
    const record = await ctx.readTokens();
    lastVersion = record.version;
    if (ctx.usable(record)) return record.tokens.accessToken;
    const refreshed = await sharedRefresh(ctx, record.version);
    lastVersion = refreshed.version;
    return refreshed.accessToken;
  }

  return {
    type: 'oauth2_authorization_code',
    accessToken,
    async authorize(req) {
      setHeader(req, 'Authorization', `Bearer ${await accessToken()}`);
    },
    secrets: () => [...known],
    invalidate: () => {
      staleVersion = lastVersion;
    },
  };
}
