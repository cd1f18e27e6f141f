import { randomBytes } from 'node:crypto';

/** AES-256 needs exactly 32 bytes of key. */
export const MASTER_KEY_BYTES = 32;

/**
 * Reads a master key written as 64 hex characters (e.g. `CONNECTOR_ENCRYPTION_KEY`).
 * `source` names where the value came from so the error tells the operator what to fix; the value
 * itself is never echoed, not even partly, because a near-miss key is still mostly key.
 */
export function parseMasterKey(hex: string | undefined, source: string): Buffer {
  if (hex === undefined || hex.trim() === '') {
    throw new Error(`${source} is not set; it must be 64 hex characters (32 bytes)`);
  }
  const value = hex.trim();
  if (value.length !== MASTER_KEY_BYTES * 2) {
    throw new Error(
      `${source} must be 64 hex characters (32 bytes); got ${value.length} characters`,
    );
  }
  if (!/^[0-9a-fA-F]+$/.test(value)) {
    throw new Error(`${source} must be 64 hex characters (32 bytes); it contains non-hex characters`);
  }
  return Buffer.from(value, 'hex');
}

/** A fresh random master key as hex, for the embedded default that writes its own key file. */
export function generateMasterKeyHex(): string {
  return randomBytes(MASTER_KEY_BYTES).toString('hex');
}
