/**
 * One refresh per connection across every worker. In a process, callers share one promise; across
 * processes, the lease row picks one refresher while the others poll the store and re-read until
 * a new token appears or the lease runs out (a crashed holder). The token endpoint is called with
 * no database connection or lock held, and the rotated refresh token is stored (compare-and-set on
 * the version) before the new access token is handed to anyone.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthError, isAuthError, refreshAccessToken } from '../strategies/index.js';
import { CredentialVersionConflictError } from '../store.js';
import { acquireLease, releaseLease } from './lease.js';
import { failIfRefused, giveUp, NO_REFRESH_TOKEN_REASON, REFRESH_REFUSED_REASON } from './reauth.js';
import { REFRESH_REFUSED, tokenSecrets } from './token-fields.js';
import type { RefreshContext, TokenRecord } from './refresh-types.js';

// Keyed by connection id (a UUID): strategy instances built per run still share one refresh.
const inflight = new Map<string, Promise<FreshToken>>();

/** The access token to send and the store version it belongs to. */
export interface FreshToken { accessToken: string; version: number }

export function sharedRefresh(ctx: RefreshContext, startVersion: number): Promise<FreshToken> {
  const key = ctx.ref.connectionId;
  let pending = inflight.get(key);
  if (!pending) {
    pending = refreshAcrossProcesses(ctx, startVersion).finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  return pending;
}

async function refreshAcrossProcesses(ctx: RefreshContext, startVersion: number): Promise<FreshToken> {
  // Twice the lease: long enough for a holder to finish or for its lease to lapse and be taken.
  const deadline = Date.now() + ctx.leaseMs * 2;
  for (;;) {
    const record = await ctx.readTokens();
    if (ctx.usable(record) || (record.version !== startVersion && !ctx.expired(record))) return fresh(record);
    failIfRefused(ctx, record);
    const lease = await acquireLease(ctx.store.pool, ctx.ref.connectionId, ctx.owner, ctx.leaseMs);
    if (lease) {
      try {
        return await refreshHolding(ctx, startVersion);
      } finally {
        await releaseLease(ctx.store.pool, ctx.ref.connectionId, lease).catch(() => undefined);
      }
    }
    if (Date.now() > deadline) {
      throw new AuthError('token_request_failed', `timed out waiting for another worker to refresh the token of connection ${ctx.ref.connectionId}`, { kind: 'transient' });
    }
    await sleep(ctx.pollMs);
  }
}

async function refreshHolding(ctx: RefreshContext, startVersion: number): Promise<FreshToken> {
  // Re-read under the lease: another worker may have finished just before we took it.
  const record = await ctx.readTokens();
  if (ctx.usable(record) || (record.version !== startVersion && !ctx.expired(record))) return fresh(record);
  failIfRefused(ctx, record);
  const { refreshToken } = record.tokens;
  if (!refreshToken) throw await giveUp(ctx, NO_REFRESH_TOKEN_REASON);
  let tokens;
  try {
    tokens = await refreshAccessToken({
      tokenUrl: ctx.tokenUrl, fetchToken: ctx.fetchToken, clientAuth: ctx.clientAuth, now: ctx.now, refreshToken,
      clientId: ctx.clientId ?? record.tokens.clientId ?? '', clientSecret: ctx.clientSecret ?? record.tokens.clientSecret,
    });
  } catch (error) {
    if (!isAuthError(error) || error.code !== 'invalid_grant') throw error;
    // Recorded in the store so every worker stops re-sending the dead token.
    await ctx.store.write(ctx.ref, { ...record.secrets, [REFRESH_REFUSED]: 'invalid_grant' }, record.version).catch(() => undefined);
    throw await giveUp(ctx, REFRESH_REFUSED_REASON);
  }
  const next = tokenSecrets(tokens, record.secrets);
  ctx.remember(next);
  try {
    const version = await ctx.store.write(ctx.ref, next, record.version);
    ctx.logger.info({ version }, 'refreshed the OAuth access token');
    return { accessToken: tokens.accessToken, version };
  } catch (error) {
    if (!(error instanceof CredentialVersionConflictError)) throw error;
    // Someone wrote meanwhile (a re-authorisation): theirs is the credential to use.
    const latest = await ctx.readTokens();
    if (!ctx.expired(latest)) return fresh(latest);
    throw new AuthError('token_request_failed', `the credentials of connection ${ctx.ref.connectionId} changed during a refresh`, { kind: 'transient' });
  }
}

function fresh(record: TokenRecord): FreshToken {
  return { accessToken: record.tokens.accessToken, version: record.version };
}
