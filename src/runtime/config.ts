/**
 * Process configuration, read once at start from the environment and flags. Connector code
 * never reads the environment; it gets what it needs through ctx.
 */
import { z } from 'zod';

const configSchema = z.object({
  /** @default 4100 */
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  /** @default '127.0.0.1' (set 0.0.0.0 to listen on every interface) */
  host: z.string().default('127.0.0.1'),
  databaseUrl: z.string().optional(),
  /** @default '.forge' */
  dataDir: z.string().default('.forge'),
  encryptionKey: z.string().optional(),
  adminKey: z.string().optional(),
  /** Loopback egress for the bundled sandboxes: explicit, off by default, announced when on. */
  sandboxEgress: z.boolean().default(false),
  /** Seed a demo workspace wired to the bundled sandboxes. */
  demo: z.boolean().default(false),
  /** Where vendors reach this platform (Graph notifications). @default the address it listens on */
  publicUrl: z.string().url().optional(),
  /** @default 'info' */
  logLevel: z.string().default('info'),
  /** Vault (KV v2) as the credential backend, with the encrypted PostgreSQL copy as fallback. */
  vault: z.object({ addr: z.string().url(), token: z.string().optional(), roleId: z.string().optional(), secretId: z.string().optional(), mount: z.string().optional() }).optional(),
});

export type PlatformConfig = z.output<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv, overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  const parsed = configSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.FORGE_DATA_DIR || undefined,
    encryptionKey: env.CONNECTOR_ENCRYPTION_KEY || undefined,
    adminKey: env.FORGE_ADMIN_KEY || undefined,
    sandboxEgress: env.FORGE_SANDBOX_EGRESS === '1' || env.FORGE_SANDBOX_EGRESS === 'true' || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    publicUrl: env.FORGE_PUBLIC_URL || undefined,
    vault: env.VAULT_ADDR ? { addr: env.VAULT_ADDR, token: env.VAULT_TOKEN || undefined, roleId: env.VAULT_ROLE_ID || undefined, secretId: env.VAULT_SECRET_ID || undefined, mount: env.VAULT_MOUNT || undefined } : undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
