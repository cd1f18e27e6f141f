import { SignJWT } from 'jose';
import { z } from 'zod';
import { AuthError } from './auth-error.js';
import { parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { loadRsaPrivateKey, pemSecrets, publicKeyFingerprint } from './private-key.js';
import { secretForms } from './redact.js';
import { SingleFlight } from './token-cache.js';
import type { AuthStrategy, Clock } from './types.js';

export const snowflakeKeyPairJwtConfigSchema = z.object({
  /** Account identifier: `myorg-myaccount` or a locator such as `xy12345.us-east-2.aws`. */
  account: requiredText,
  user: requiredText,
  privateKeyPem: requiredText,
  /**
   * `SHA256:…` as shown by `DESC USER` (`RSA_PUBLIC_KEY_FP`), with or without the prefix.
   * When given, it must match the key: a mismatch is the usual cause of "JWT token is invalid".
   * @default computed from the private key
   */
  publicKeyFingerprint: z.string().optional(),
  /** Snowflake refuses JWTs that live longer than one hour. @default 3540 */
  lifetimeSeconds: z.number().int().positive().max(3600).default(3540),
  /** @default 60 */
  skewSeconds: z.number().nonnegative().default(60),
});

export type SnowflakeKeyPairJwtConfig = z.input<typeof snowflakeKeyPairJwtConfigSchema> & {
  /** @default Date.now */
  now?: Clock;
};

/**
 * The account part of the JWT claims: upper-case, without region or cloud suffix
 * (`xy12345.us-east-2.aws` → `XY12345`), and for global URLs the part before the first hyphen,
 * the same rule Snowflake's own connectors apply.
 */
export function snowflakeAccountForJwt(account: string): string {
  const name = account.includes('.global') ? account.split('-')[0] ?? account : account.split('.')[0] ?? account;
  return name.toUpperCase();
}

/**
 * Snowflake key-pair authentication for the SQL API: a self-signed RS256 JWT used directly as
 * the bearer token, with `X-Snowflake-Authorization-Token-Type: KEYPAIR_JWT`.
 */
export function snowflakeKeyPairJwt(config: SnowflakeKeyPairJwtConfig): AuthStrategy {
  const { now: clock, ...rest } = config;
  const parsed = parseStrategyConfig('snowflakeKeyPairJwt', snowflakeKeyPairJwtConfigSchema, rest);
  const key = loadRsaPrivateKey('snowflakeKeyPairJwt', parsed.privateKeyPem);
  const now = clock ?? Date.now;

  const fingerprint = publicKeyFingerprint(key);
  if (parsed.publicKeyFingerprint !== undefined) {
    const given = parsed.publicKeyFingerprint.trim().replace(/^SHA256:/i, '');
    if (`SHA256:${given}` !== fingerprint) {
      // Fingerprints are hashes of the public key: safe to show, and the fastest way to debug.
      throw new AuthError(
        'invalid_config',
        `snowflakeKeyPairJwt: publicKeyFingerprint SHA256:${given} does not match the private key, whose public key is ${fingerprint}`,
        { kind: 'permanent', reauthRequired: true },
      );
    }
  }
  const qualifiedUser = `${snowflakeAccountForJwt(parsed.account)}.${parsed.user.toUpperCase()}`;

  const cache = new SingleFlight<string>(
    async () => {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + parsed.lifetimeSeconds;
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuer(`${qualifiedUser}.${fingerprint}`)
        .setSubject(qualifiedUser)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { value: jwt, expiresAt: expiresAt * 1000 };
    },
    { skewMs: parsed.skewSeconds * 1000, now },
  );

  return {
    type: 'snowflake_keypair_jwt',
    async authorize(req) {
      const jwt = await cache.get();
      setHeader(req, 'Authorization', `Bearer ${jwt}`);
      setHeader(req, 'X-Snowflake-Authorization-Token-Type', 'KEYPAIR_JWT');
    },
    secrets: () => [...pemSecrets(parsed.privateKeyPem), ...secretForms(cache.peek())],
    invalidate: () => cache.invalidate(),
  };
}
