import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CredentialDecryptError } from './decrypt-error.js';
import { encodeAad, encodeHeader, NONCE_BYTES, parseCiphertext, TAG_BYTES, type CredentialAad } from './format.js';
import type { Keyring } from './keyring.js';

const ALGORITHM = 'aes-256-gcm';

/** Encrypts with the keyring's active key and a fresh random nonce (see `format.ts`). */
export function encrypt(plaintext: Buffer | string, aad: CredentialAad, keyring: Keyring): Buffer {
  const header = encodeHeader(keyring.activeKeyId);
  // A random 96-bit nonce per write: with one key, 2^32 writes stay far inside GCM's safety bound.
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.activeKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([header, encodeAad(aad)]));
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return Buffer.concat([header, nonce, cipher.getAuthTag(), body]);
}

/** Opens a ciphertext written by `encrypt` for the same tenant and connection. */
export function decrypt(ciphertext: Buffer, aad: CredentialAad, keyring: Keyring): Buffer {
  const parsed = parseCiphertext(ciphertext);
  const key = keyring.get(parsed.keyId);
  if (!key) {
    throw new CredentialDecryptError(
      'unknown_key',
      `Credential was encrypted with key id "${parsed.keyId}", which is not in the keyring (held: ${keyring.keyIds().join(', ')}); restore that key as a previous key`,
    );
  }
  const decipher = createDecipheriv(ALGORITHM, key, parsed.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([parsed.header, encodeAad(aad)]));
  decipher.setAuthTag(parsed.tag);
  try {
    return Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch {
    // GCM reports every failure the same way; the cause carries nothing more, so it is dropped.
    throw new CredentialDecryptError(
      'auth_failed',
      `Credential failed authentication under key id "${parsed.keyId}": the ciphertext was altered, ` +
        'it belongs to another tenant or connection (additional data mismatch), or the key behind this id has changed',
    );
  }
}

export function encryptJson(value: unknown, aad: CredentialAad, keyring: Keyring): Buffer {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('encryptJson needs a JSON-serialisable value');
  return encrypt(json, aad, keyring);
}

export function decryptJson<T = unknown>(ciphertext: Buffer, aad: CredentialAad, keyring: Keyring): T {
  const text = decrypt(ciphertext, aad, keyring).toString('utf8');
  try {
    return JSON.parse(text) as T;
  } catch {
    // Authenticated yet not JSON means it was written by `encrypt`, not `encryptJson`.
    throw new CredentialDecryptError('malformed', 'Credential opened but does not hold JSON');
  }
}

/** True when the ciphertext was written under a key other than the active one. */
export function needsRotation(ciphertext: Buffer, keyring: Keyring): boolean {
  return parseCiphertext(ciphertext).keyId !== keyring.activeKeyId;
}

/** Re-encrypts under the active key (after a rotation); the plaintext never leaves this call. */
export function reencrypt(ciphertext: Buffer, aad: CredentialAad, keyring: Keyring): Buffer {
  const plaintext = decrypt(ciphertext, aad, keyring);
  try {
    return encrypt(plaintext, aad, keyring);
  } finally {
    plaintext.fill(0);
  }
}
