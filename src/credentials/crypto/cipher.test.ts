import { describe, expect, it } from 'vitest';
import { decrypt, decryptJson, encrypt, encryptJson, needsRotation, reencrypt } from './cipher.js';
import { CredentialDecryptError, type DecryptFailureReason } from './decrypt-error.js';
import { encodeAad } from './format.js';
import { Keyring } from './keyring.js';

const oldKey = Buffer.alloc(32, 7);
const newKey = Buffer.alloc(32, 9);
const ring = new Keyring({ active: { key: oldKey, id: 'old' } });
const aad = { tenantId: 'tenant-1', connectionId: 'conn-1' };
const SECRET = 'canary-SECRET-1234';

function failure(fn: () => unknown): CredentialDecryptError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CredentialDecryptError) return error;
    throw error;
  }
  throw new Error('expected a CredentialDecryptError');
}

function expectReason(fn: () => unknown, reason: DecryptFailureReason): CredentialDecryptError {
  const error = failure(fn);
  expect(error.reason).toBe(reason);
  expect(error.message).not.toContain(SECRET);
  return error;
}

describe('encrypt / decrypt', () => {
  it('round-trips strings, bytes and JSON', () => {
    expect(decrypt(encrypt(SECRET, aad, ring), aad, ring).toString('utf8')).toBe(SECRET);
    const bytes = Buffer.from([0, 1, 2, 255]);
    expect(decrypt(encrypt(bytes, aad, ring), aad, ring)).toEqual(bytes);
    const value = { apiKey: SECRET, nested: { n: 1 } };
    expect(decryptJson(encryptJson(value, aad, ring), aad, ring)).toEqual(value);
  });

  it('writes the documented v1 layout', () => {
    const ct = encrypt('x', aad, ring);
    expect(ct[0]).toBe(0x01);
    expect(ct[1]).toBe(3);
    expect(ct.subarray(2, 5).toString('ascii')).toBe('old');
    expect(ct.length).toBe(2 + 3 + 12 + 16 + 1);
  });

  it('uses a fresh nonce for every write', () => {
    const a = encrypt(SECRET, aad, ring);
    const b = encrypt(SECRET, aad, ring);
    expect(a.subarray(5, 17).equals(b.subarray(5, 17))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a ciphertext moved to another tenant or another connection', () => {
    const ct = encrypt(SECRET, aad, ring);
    const error = expectReason(() => decrypt(ct, { ...aad, tenantId: 'tenant-2' }, ring), 'auth_failed');
    expect(error.message).toMatch(/another tenant or connection/);
    expectReason(() => decrypt(ct, { ...aad, connectionId: 'conn-2' }, ring), 'auth_failed');
  });

  it('encodes the additional data so shifting characters between the ids changes it', () => {
    expect(encodeAad({ tenantId: 'ab', connectionId: 'c' }).equals(encodeAad({ tenantId: 'a', connectionId: 'bc' }))).toBe(false);
    const ct = encrypt(SECRET, { tenantId: 'ab', connectionId: 'c' }, ring);
    expectReason(() => decrypt(ct, { tenantId: 'a', connectionId: 'bc' }, ring), 'auth_failed');
  });

  it('refuses empty ids rather than encrypting under a shared blank scope', () => {
    expect(() => encrypt(SECRET, { tenantId: '', connectionId: 'c' }, ring)).toThrow('non-empty tenantId');
  });

  it('detects a flipped byte anywhere in nonce, tag or body', () => {
    const ct = encrypt(SECRET, aad, ring);
    for (const offset of [5, 16, 17, 32, 33, ct.length - 1]) {
      const tampered = Buffer.from(ct);
      tampered[offset] = (tampered[offset] as number) ^ 0x01;
      expectReason(() => decrypt(tampered, aad, ring), 'auth_failed');
    }
  });

  it('names an unknown version, an unknown key id and a truncated ciphertext', () => {
    const ct = encrypt(SECRET, aad, ring);
    const v2 = Buffer.from(ct);
    v2[0] = 0x02;
    expect(expectReason(() => decrypt(v2, aad, ring), 'unknown_version').message).toMatch(/version 2/);
    const otherRing = new Keyring({ active: { key: newKey, id: 'new' } });
    expect(expectReason(() => decrypt(ct, aad, otherRing), 'unknown_key').message).toMatch(/key id "old"/);
    expectReason(() => decrypt(ct.subarray(0, 20), aad, ring), 'malformed');
    expectReason(() => decrypt(Buffer.alloc(0), aad, ring), 'malformed');
  });

  it('reports non-JSON content from decryptJson as malformed', () => {
    expectReason(() => decryptJson(encrypt('not json', aad, ring), aad, ring), 'malformed');
  });
});

describe('rotation', () => {
  const rotated = new Keyring({ active: { key: newKey, id: 'new' }, previous: [{ key: oldKey, id: 'old' }] });

  it('still reads ciphertexts written under the previous key and says they need rotation', () => {
    const legacy = encrypt(SECRET, aad, ring);
    expect(decrypt(legacy, aad, rotated).toString('utf8')).toBe(SECRET);
    expect(needsRotation(legacy, rotated)).toBe(true);
    expect(needsRotation(legacy, ring)).toBe(false);
  });

  it('re-encrypts under the active key', () => {
    const fresh = reencrypt(encrypt(SECRET, aad, ring), aad, rotated);
    expect(needsRotation(fresh, rotated)).toBe(false);
    expect(decrypt(fresh, aad, new Keyring({ active: { key: newKey, id: 'new' } })).toString('utf8')).toBe(SECRET);
  });

  it('detects a key id whose key material was swapped', () => {
    const impostor = new Keyring({ active: { key: newKey, id: 'old' } });
    expectReason(() => decrypt(encrypt(SECRET, aad, ring), aad, impostor), 'auth_failed');
  });
});
