/**
 * The state behind the Vault stand-in: KV v2 entries with every version kept, as Vault keeps
 * them (up to `max_versions`, which the stand-in does not limit). Lives outside the HTTP server
 * so a stopped and restarted stand-in still holds its data, like a restarted Vault.
 */
export interface KvVersion {
  data: Record<string, unknown>;
  createdTime: string;
}

export class KvEngine {
  readonly #entries = new Map<string, KvVersion[]>();

  /** A version (1-based; latest when omitted), or undefined. */
  get(path: string, version?: number): { version: number; value: KvVersion } | undefined {
    const versions = this.#entries.get(path);
    if (!versions?.length) return undefined;
    const n = version ?? versions.length;
    const value = versions[n - 1];
    return value ? { version: n, value } : undefined;
  }

  /**
   * Writes a new version. `cas` 0 requires the path to be absent; any other `cas` must equal the
   * current version. Answers the new version, or undefined on a cas mismatch.
   */
  put(path: string, data: Record<string, unknown>, cas: number | undefined, now: Date): number | undefined {
    const versions = this.#entries.get(path) ?? [];
    if (cas !== undefined && cas !== versions.length) return undefined;
    versions.push({ data: structuredClone(data), createdTime: now.toISOString() });
    this.#entries.set(path, versions);
    return versions.length;
  }

  /** Forgets an entry with all its versions (what `DELETE …/metadata/<path>` does). */
  destroy(path: string): void {
    this.#entries.delete(path);
  }

  paths(): string[] {
    return [...this.#entries.keys()];
  }
}
