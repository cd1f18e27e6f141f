/**
 * Where the master keys come from. CONNECTOR_ENCRYPTION_KEY (and retired keys in
 * CONNECTOR_ENCRYPTION_KEYS_PREVIOUS) when set; otherwise, for the embedded default only, a key
 * file generated in the data directory with mode 0600 (first line active, later lines retired).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMasterKeyHex, Keyring, parseMasterKey } from './crypto/index.js';

export interface KeySourceOptions {
  envKey?: string;
  /** Comma-separated retired keys, still readable. */
  envPreviousKeys?: string;
  dataDir: string;
  /** Only the embedded default may generate a key; an external database needs one given. */
  mayGenerate: boolean;
}

export interface KeySource {
  keyring(): Keyring;
  /** Re-reads the key file (another process rotated); false when nothing changed or env-based. */
  reload(): boolean;
  /** Writes a new active key (file-based only); the old one stays readable. */
  rotate(): Keyring;
  describe(): string;
}

export const KEY_FILE = 'master.key';

export function openKeySource(options: KeySourceOptions): KeySource {
  if (options.envKey) {
    const active = parseMasterKey(options.envKey, 'CONNECTOR_ENCRYPTION_KEY');
    const previous = (options.envPreviousKeys ?? '').split(',').map((k) => k.trim()).filter(Boolean)
      .map((k, i) => parseMasterKey(k, `CONNECTOR_ENCRYPTION_KEYS_PREVIOUS[${i}]`));
    const ring = new Keyring({ active, previous });
    return {
      keyring: () => ring,
      reload: () => false,
      rotate: () => { throw new Error('keys come from CONNECTOR_ENCRYPTION_KEY: set the new key there, move the old one to CONNECTOR_ENCRYPTION_KEYS_PREVIOUS, then run `forge keys rotate`'); },
      describe: () => 'CONNECTOR_ENCRYPTION_KEY',
    };
  }
  const path = join(options.dataDir, KEY_FILE);
  if (!existsSync(path)) {
    if (!options.mayGenerate) throw new Error('CONNECTOR_ENCRYPTION_KEY is not set: an external DATABASE_URL needs the master key given explicitly (64 hex characters)');
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(path, `${generateMasterKeyHex()}\n`, { mode: 0o600 });
  }
  chmodSync(path, 0o600);
  const readRing = () => {
    const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) throw new Error(`${path} holds no key`);
    return new Keyring({ active: parseMasterKey(lines[0], path), previous: lines.slice(1).map((l, i) => parseMasterKey(l, `${path} line ${i + 2}`)) });
  };
  let ring = readRing();
  return {
    keyring: () => ring,
    reload: () => {
      const next = readRing();
      const changed = next.activeKeyId !== ring.activeKeyId || next.keyIds().length !== ring.keyIds().length;
      ring = next;
      return changed;
    },
    rotate: () => {
      const existing = readFileSync(path, 'utf8').trim();
      writeFileSync(path, `${generateMasterKeyHex()}\n${existing}\n`, { mode: 0o600 });
      ring = readRing();
      return ring;
    },
    describe: () => path,
  };
}
