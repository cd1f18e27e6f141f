import { describe, expect, it } from 'vitest';
import { generateMasterKeyHex, parseMasterKey } from './master-key.js';

const SOURCE = 'CONNECTOR_ENCRYPTION_KEY';

describe('parseMasterKey', () => {
  it('reads 64 hex characters as 32 bytes', () => {
    const hex = 'ab'.repeat(32);
    expect(parseMasterKey(hex, SOURCE)).toEqual(Buffer.alloc(32, 0xab));
  });

  it('names the source and the length when the key is too short, without echoing it', () => {
    const value = 'deadbeefcafe';
    const error = (() => { try { parseMasterKey(value, SOURCE); } catch (e) { return e as Error; } })();
    expect(error?.message).toBe('CONNECTOR_ENCRYPTION_KEY must be 64 hex characters (32 bytes); got 12 characters');
    expect(error?.message).not.toContain(value);
  });

  it('rejects non-hex characters without echoing the value', () => {
    const value = 'zz' + 'a'.repeat(62);
    expect(() => parseMasterKey(value, SOURCE)).toThrow(/CONNECTOR_ENCRYPTION_KEY .*non-hex/);
    expect(() => parseMasterKey(value, SOURCE)).not.toThrow(value);
  });

  it('says the key is not set when it is missing or blank', () => {
    expect(() => parseMasterKey(undefined, SOURCE)).toThrow('CONNECTOR_ENCRYPTION_KEY is not set');
    expect(() => parseMasterKey('   ', SOURCE)).toThrow('CONNECTOR_ENCRYPTION_KEY is not set');
  });

  it('generates keys that parse back', () => {
    const hex = generateMasterKeyHex();
    expect(parseMasterKey(hex, SOURCE)).toHaveLength(32);
    expect(generateMasterKeyHex()).not.toBe(hex);
  });
});
