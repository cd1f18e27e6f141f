/**
 * The connected app's certificate key pair for the JWT bearer flow. RSA generation takes a
 * noticeable moment, so one pair is made per process and shared by every sandbox started in it.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

let pair: { privateKeyPem: string; publicKey: KeyObject } | undefined;

export function appKeyPair(): { privateKeyPem: string; publicKey: KeyObject } {
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
  }
  return pair;
}
