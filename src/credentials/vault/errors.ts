/**
 * Vault failures in two kinds, because the store reacts differently: an unavailable Vault
 * (connection refused, timeout, 5xx, sealed) makes the store fall back to the PostgreSQL copy;
 * an answer Vault meant (403, 400, a cas mismatch) is reported. Messages carry Vault's own
 * `errors` texts and the path, never a token or a secret value.
 */
export class VaultError extends Error {
  override readonly name: string = 'VaultError';
  readonly status: number;
  /** Vault's `{"errors":[...]}` body. */
  readonly errors: string[];

  constructor(status: number, errors: string[], what: string) {
    super(`Vault answered ${status} to ${what}${errors.length ? `: ${errors.join('; ')}` : ''}`);
    this.status = status;
    this.errors = errors;
  }

  /** KV v2's answer when `options.cas` is not the current version. */
  get casMismatch(): boolean {
    return this.status === 400 && this.errors.some((e) => e.includes('check-and-set parameter did not match'));
  }

  get permissionDenied(): boolean {
    return this.status === 403 && this.errors.some((e) => e.includes('permission denied'));
  }
}

export class VaultUnavailableError extends Error {
  override readonly name = 'VaultUnavailableError';
}

export function isVaultUnavailable(error: unknown): error is VaultUnavailableError {
  return error instanceof VaultUnavailableError;
}
