import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AuthError } from './auth-error.js';

/**
 * Loads an RSA private key from PEM, PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE
 * KEY`): vendors' setup guides produce both. Node's own error is not passed on; it says nothing
 * the user can act on beyond "unreadable", and a cause chain is one more place a key could leak.
 */
export function loadRsaPrivateKey(strategy: string, pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new AuthError(
      'invalid_config',
      `${strategy}: privateKeyPem is not a readable unencrypted PEM private key (PKCS#8 or PKCS#1)`,
      { kind: 'permanent', reauthRequired: true },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new AuthError('invalid_config', `${strategy}: privateKeyPem must be an RSA key for RS256; got ${key.asymmetricKeyType ?? 'unknown'}`, {
      kind: 'permanent',
      reauthRequired: true,
    });
  }
  return key;
}

/**
 * `SHA256:` + base64(SHA-256(DER SubjectPublicKeyInfo)): the fingerprint Snowflake shows as
 * `RSA_PUBLIC_KEY_FP`. Accepts the private key (its public half is derived) or the public key.
 */
export function publicKeyFingerprint(key: KeyObject | string): string {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64')}`;
}

/**
 * A PEM is scrubbed whole and line by line: a log line or vendor error may quote a single
 * wrapped line of the base64 body.
 */
export function pemSecrets(pem: string): string[] {
  const lines = pem.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 16 && !line.startsWith('-----'));
  return [pem, ...lines];
}
