import { CredentialDecryptError } from './decrypt-error.js';

/**
 * Ciphertext format, version 1. A versioned format: a change adds version 2 and keeps reading 1.
 *
 * ```
 * offset  size  field
 * 0       1     version            0x01
 * 1       1     keyId length (n)   1..64
 * 2       n     keyId              ASCII, names the master key in the Keyring
 * 2+n     12    nonce              random per write (96-bit, the GCM standard size)
 * 14+n    16    GCM tag
 * 30+n    ...   AES-256-GCM ciphertext
 * ```
 *
 * Additional authenticated data = the header bytes (version, keyId length, keyId) followed by
 * `encodeAad(tenantId, connectionId)`. Binding the header means a future version byte or a
 * swapped key id cannot be spliced onto an old body; binding the ids means a ciphertext copied to
 * another tenant's or connection's row fails to open.
 */
export const FORMAT_VERSION_1 = 0x01;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** Which credential row a ciphertext belongs to. */
export interface CredentialAad {
  tenantId: string;
  connectionId: string;
}

// A label so these bytes can never collide with AAD some other part of the system might use.
const AAD_LABEL = Buffer.from('forgeworks.credential.v1', 'ascii');

/**
 * Canonical AAD: label, then each id as a 4-byte big-endian length and its UTF-8 bytes.
 * Length prefixes make `("ab","c")` and `("a","bc")` encode differently, which plain concatenation
 * would not.
 */
export function encodeAad(aad: CredentialAad): Buffer {
  const parts: Buffer[] = [AAD_LABEL];
  for (const [name, value] of [['tenantId', aad.tenantId], ['connectionId', aad.connectionId]] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new Error(`Credential additional data needs a non-empty ${name}`);
    }
    const bytes = Buffer.from(value, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}

export function encodeHeader(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([FORMAT_VERSION_1, id.length]), id]);
}

export interface ParsedCiphertext {
  version: number;
  keyId: string;
  /** The header bytes exactly as stored, for the AAD. */
  header: Buffer;
  nonce: Buffer;
  tag: Buffer;
  body: Buffer;
}

/** Splits a stored ciphertext into its fields; does not decrypt. */
export function parseCiphertext(ciphertext: Buffer): ParsedCiphertext {
  if (!Buffer.isBuffer(ciphertext) || ciphertext.length < 2) {
    throw new CredentialDecryptError('malformed', 'Credential ciphertext is malformed: too short to hold a header');
  }
  const version = ciphertext[0] as number;
  if (version !== FORMAT_VERSION_1) {
    throw new CredentialDecryptError(
      'unknown_version',
      `Credential ciphertext has format version ${version}; this build reads version ${FORMAT_VERSION_1}`,
    );
  }
  const idLength = ciphertext[1] as number;
  const headerEnd = 2 + idLength;
  if (idLength === 0 || ciphertext.length < headerEnd + NONCE_BYTES + TAG_BYTES) {
    throw new CredentialDecryptError('malformed', 'Credential ciphertext is malformed: truncated header, nonce or tag');
  }
  const nonceEnd = headerEnd + NONCE_BYTES;
  return {
    version,
    keyId: ciphertext.subarray(2, headerEnd).toString('ascii'),
    header: ciphertext.subarray(0, headerEnd),
    nonce: ciphertext.subarray(headerEnd, nonceEnd),
    tag: ciphertext.subarray(nonceEnd, nonceEnd + TAG_BYTES),
    body: ciphertext.subarray(nonceEnd + TAG_BYTES),
  };
}
