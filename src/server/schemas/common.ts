/**
 * Schemas every resource shares. Named ones (`.meta({ id })`) become components of the OpenAPI
 * document; the rest are inlined where used.
 */
import { z } from 'zod';

/** Any 8-4-4-4-12 hex id (what PostgreSQL accepts as uuid). */
export const idSchema = z.guid();
export const timestamp = z.iso.datetime();
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() }).meta({ id: 'FieldError' });

export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Machine-readable: validation, not_found, forbidden, conflict, unauthenticated, …' }),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional().meta({ description: 'For validation errors: each offending field by its dotted path.' }),
  }),
}).meta({ id: 'Error' });

export const roleSchema = z.enum(['platform_admin', 'org_admin', 'workspace_member']).meta({ id: 'Role' });

/** A page of items and the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const nameSchema = z.string().trim().min(1).max(200);

/** Query booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
