/**
 * Whether Vault is answering. After a failure to answer, calls skip Vault for `probeMs` (so an
 * outage costs one timeout, not one per call); the first answer after an outage is announced,
 * and the store reconciles then.
 */
import type { Logger } from '../../core/index.js';
import { isVaultUnavailable } from './errors.js';

export class VaultHealth {
  #downUntil: number | undefined;

  constructor(
    private readonly probeMs: number,
    private readonly log: Logger,
    private readonly onRecovered: () => void,
  ) {}

  /** True while a recent failure says Vault is down and the next probe is not due yet. */
  skip(): boolean {
    return this.#downUntil !== undefined && Date.now() < this.#downUntil;
  }

  async track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      if (this.#downUntil !== undefined) {
        this.#downUntil = undefined;
        this.log.info('Vault answers again; reconciling queued writes');
        this.onRecovered();
      }
      return result;
    } catch (error) {
      if (isVaultUnavailable(error)) {
        if (this.#downUntil === undefined) this.log.warn({ err: error.message }, 'Vault unreachable; serving credentials from the encrypted PostgreSQL copy');
        this.#downUntil = Date.now() + this.probeMs;
      }
      throw error;
    }
  }
}
