/**
 * Why a stored credential could not be opened. Each reason points at a different fix, so the
 * caller (and the operator reading the log) can tell a lost key from a moved or altered row.
 */
export type DecryptFailureReason =
  /** Too short or internally inconsistent: not a ciphertext we wrote. */
  | 'malformed'
  /** Written by a newer (or foreign) format version this build cannot read. */
  | 'unknown_version'
  /** Written under a key id that is not in the keyring: a retired key was dropped too early. */
  | 'unknown_key'
  /**
   * The GCM tag did not verify. AES-GCM cannot tell these apart, so the message names all three:
   * the bytes were altered, the row was moved to another tenant/connection, or the key material
   * behind the key id differs from the one that wrote it.
   */
  | 'auth_failed';

/**
 * Raised by `decrypt` when a ciphertext cannot be opened. The message never contains plaintext,
 * key material or the ciphertext itself; it may contain the key id, which is not secret.
 */
export class CredentialDecryptError extends Error {
  override readonly name = 'CredentialDecryptError';
  readonly reason: DecryptFailureReason;

  constructor(reason: DecryptFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
