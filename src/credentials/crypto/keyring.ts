import { createHash } from 'node:crypto';
import { MASTER_KEY_BYTES } from './master-key.js';

/** A key and, optionally, the id it is stored under. */
export interface KeyringEntry {
  key: Buffer;
  /** @default first 8 hex characters of SHA-256(key) */
  id?: string;
}

export interface KeyringOptions {
  /** The key every new ciphertext is written with. */
  active: Buffer | KeyringEntry;
  /** Retired keys, kept so ciphertexts written before a rotation still open. @default [] */
  previous?: Array<Buffer | KeyringEntry>;
}

// Key ids travel inside every ciphertext, so they stay short, printable ASCII.
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A stable, non-secret name for a key. Eight hex characters of a hash reveal nothing usable about
 * a 256-bit key and are enough to tell a handful of keys apart.
 */
export function keyIdFor(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * The master keys by id: one active key for writes, older keys for reads only. Rotation is
 * "add a new active key, keep the old one in `previous`, re-encrypt rows that `needsRotation`".
 */
export class Keyring {
  readonly activeKeyId: string;
  readonly #keys = new Map<string, Buffer>();

  constructor(options: KeyringOptions) {
    this.activeKeyId = this.#add(options.active);
    for (const entry of options.previous ?? []) this.#add(entry);
  }

  /** The key for an id, or undefined when this keyring never held it. */
  get(keyId: string): Buffer | undefined {
    return this.#keys.get(keyId);
  }

  get activeKey(): Buffer {
    // Set in the constructor; the map never loses entries.
    return this.#keys.get(this.activeKeyId) as Buffer;
  }

  /** Every key id held, active first. */
  keyIds(): string[] {
    return [this.activeKeyId, ...[...this.#keys.keys()].filter((id) => id !== this.activeKeyId)];
  }

  #add(entry: Buffer | KeyringEntry): string {
    const { key, id } = Buffer.isBuffer(entry) ? { key: entry, id: undefined } : entry;
    if (!Buffer.isBuffer(key) || key.length !== MASTER_KEY_BYTES) {
      throw new Error(`Keyring keys must be ${MASTER_KEY_BYTES} bytes; got ${Buffer.isBuffer(key) ? key.length : typeof key}`);
    }
    const keyId = id ?? keyIdFor(key);
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new Error('Keyring key ids must be 1-64 characters of A-Z, a-z, 0-9, ".", "_" or "-"');
    }
    const existing = this.#keys.get(keyId);
    if (existing && !existing.equals(key)) {
      // Two different keys under one id would make old ciphertexts open with the wrong key.
      throw new Error(`Keyring holds two different keys under the id "${keyId}"`);
    }
    this.#keys.set(keyId, Buffer.from(key));
    return keyId;
  }
}
