import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Keyring, keyIdFor } from './keyring.js';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('Keyring', () => {
  it('names a key by the first 8 hex characters of its SHA-256', () => {
    expect(keyIdFor(keyA)).toBe(createHash('sha256').update(keyA).digest('hex').slice(0, 8));
    expect(new Keyring({ active: keyA }).activeKeyId).toBe(keyIdFor(keyA));
  });

  it('accepts explicit key ids and keeps previous keys for reads', () => {
    const ring = new Keyring({ active: { key: keyB, id: 'k2026' }, previous: [{ key: keyA, id: 'k2025' }] });
    expect(ring.activeKeyId).toBe('k2026');
    expect(ring.activeKey).toEqual(keyB);
    expect(ring.get('k2025')).toEqual(keyA);
    expect(ring.keyIds()).toEqual(['k2026', 'k2025']);
  });

  it('rejects keys that are not 32 bytes, without echoing them', () => {
    expect(() => new Keyring({ active: Buffer.from('canary-SECRET-1234') })).toThrow('Keyring keys must be 32 bytes; got 18');
    expect(() => new Keyring({ active: Buffer.from('canary-SECRET-1234') })).not.toThrow(/canary/);
  });

  it('rejects two different keys under one id', () => {
    expect(() => new Keyring({ active: { key: keyA, id: 'k1' }, previous: [{ key: keyB, id: 'k1' }] })).toThrow(
      'two different keys under the id "k1"',
    );
  });

  it('rejects key ids that could not travel in the ciphertext header', () => {
    expect(() => new Keyring({ active: { key: keyA, id: 'has space' } })).toThrow(/key ids must be/);
    expect(() => new Keyring({ active: { key: keyA, id: 'x'.repeat(65) } })).toThrow(/key ids must be/);
  });
});
