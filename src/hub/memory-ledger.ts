/** The ledger in memory: the same contract as PostgreSQL's, for the model test's many runs. */
import type { BridgeLedger, LedgerEntry } from './ledger.js';
import { otherSide, type BridgeSide } from './types.js';

export class MemoryLedger implements BridgeLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly locks = new Map<string, Promise<unknown>>();

  private key(bridgeId: string, side: BridgeSide, originId: string) {
    return `${bridgeId}\u0000${side}\u0000${originId}`;
  }

  async isCopy(bridgeId: string, side: BridgeSide, messageId: string): Promise<boolean> {
    return this.originOfCopy(bridgeId, side, messageId) !== undefined;
  }

  async counterpart(bridgeId: string, side: BridgeSide, messageId: string) {
    const own = this.entries.get(this.key(bridgeId, side, messageId));
    if (own && (own.copyId || own.state === 'deleted')) return { id: own.copyId, deleted: own.state === 'deleted' };
    return this.originOfCopy(bridgeId, side, messageId);
  }

  private originOfCopy(bridgeId: string, side: BridgeSide, copyId: string) {
    const prefix = `${bridgeId}\u0000${otherSide(side)}\u0000`;
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix) && entry.copyId === copyId) return { id: key.slice(prefix.length) as string | null, deleted: entry.state === 'deleted' };
    }
    return undefined;
  }

  async withOrigin<T>(bridgeId: string, side: BridgeSide, originId: string, fn: (entry: LedgerEntry | null) => Promise<{ entry?: LedgerEntry; result: T }>): Promise<T> {
    const key = this.key(bridgeId, side, originId);
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(async () => {
      const current = this.entries.get(key);
      const { entry, result } = await fn(current ? { ...current } : null);
      if (entry) this.entries.set(key, { ...entry });
      return result;
    });
    this.locks.set(key, run);
    return run;
  }
}
