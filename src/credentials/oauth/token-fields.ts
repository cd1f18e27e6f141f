/**
 * How an OAuth 2.0 token set is kept among a connection's secret fields. The store holds flat
 * string maps, so times are ISO 8601 strings; the field names are the ones `strategyForMethod`
 * already reads (`accessToken`, `clientId`, `clientSecret`).
 */
import type { TokenSet } from '../strategies/index.js';
import type { SecretValues } from '../store.js';

/**
 * Set when the vendor refused the stored refresh token: every worker then fails fast instead of
 * sending the same dead token again (vendors lock out clients that keep doing that).
 */
export const REFRESH_REFUSED = 'refreshRefused';

export interface StoredTokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch milliseconds; undefined when the vendor gave no lifetime. */
  expiresAt: number | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  refreshRefused: boolean;
}

export function readTokenSet(secrets: SecretValues): StoredTokenSet | undefined {
  if (!secrets.accessToken) return undefined;
  const expiresAt = secrets.expiresAt ? parseTime(secrets.expiresAt) : undefined;
  return {
    accessToken: secrets.accessToken,
    refreshToken: secrets.refreshToken || undefined,
    expiresAt,
    clientId: secrets.clientId || undefined,
    clientSecret: secrets.clientSecret || undefined,
    refreshRefused: Boolean(secrets[REFRESH_REFUSED]),
  };
}

/**
 * The fields to store after a grant. A vendor that does not rotate refresh tokens leaves
 * `refresh_token` out of the answer: the previous one stays valid and is kept.
 */
export function tokenSecrets(tokens: TokenSet, base: SecretValues): SecretValues {
  const { [REFRESH_REFUSED]: _refused, accessToken: _a, refreshToken: previousRefresh, expiresAt: _e, scope: _s, tokenType: _t, ...rest } = base;
  const out: SecretValues = { ...rest, accessToken: tokens.accessToken, tokenType: tokens.tokenType };
  const refreshToken = tokens.refreshToken ?? previousRefresh;
  if (refreshToken) out.refreshToken = refreshToken;
  if (tokens.expiresAt !== undefined) out.expiresAt = new Date(tokens.expiresAt).toISOString();
  if (tokens.scope) out.scope = tokens.scope;
  return out;
}

function parseTime(value: string): number | undefined {
  // Epoch milliseconds are accepted too, for token sets written by hand or by older tools.
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
