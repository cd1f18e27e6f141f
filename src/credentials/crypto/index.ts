/**
 * Credential encryption at rest: the versioned AES-256-GCM ciphertext format, the master-key
 * keyring and rotation helpers. Pure: no database, no environment reads.
 */
export { parseMasterKey, generateMasterKeyHex, MASTER_KEY_BYTES } from './master-key.js';
export { Keyring, keyIdFor, type KeyringEntry, type KeyringOptions } from './keyring.js';
export { encrypt, decrypt, encryptJson, decryptJson, needsRotation, reencrypt } from './cipher.js';
export { encodeAad, parseCiphertext, FORMAT_VERSION_1, type CredentialAad, type ParsedCiphertext } from './format.js';
export { CredentialDecryptError, type DecryptFailureReason } from './decrypt-error.js';
