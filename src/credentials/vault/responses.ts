/** Vault's answers, parsed before use: a Vault that changes shape gives a named error. */
import { z } from 'zod';

export const vaultErrorBody = z.looseObject({ errors: z.array(z.string()).default([]) });

/** GET /v1/{mount}/data/{path} */
export const kvReadBody = z.looseObject({
  data: z.looseObject({
    data: z.record(z.string(), z.unknown()).nullable(),
    metadata: z.looseObject({ version: z.number().int().positive() }),
  }),
});

/** POST /v1/{mount}/data/{path} */
export const kvWriteBody = z.looseObject({ data: z.looseObject({ version: z.number().int().positive() }) });

/** POST /v1/auth/approle/login */
export const loginBody = z.looseObject({ auth: z.looseObject({ client_token: z.string().min(1) }) });

/**
 * What Forgeworks keeps in a KV entry: the secrets and the store version they were written as,
 * so a reader can tell whether Vault or the PostgreSQL copy is newer. A versioned format.
 */
export const storedEntry = z.object({
  format: z.literal(1),
  version: z.number().int().positive(),
  secrets: z.record(z.string(), z.string()),
});
export type StoredEntry = z.infer<typeof storedEntry>;
