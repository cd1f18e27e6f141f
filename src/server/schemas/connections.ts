import { z } from 'zod';
import { mappingSchema } from '../../canonical/index.js';
import { idSchema, nameSchema, timestamp } from './common.js';

export const connectionStatusSchema = z.enum(['active', 'needs_reauth', 'disabled', 'error']);

export const connectionSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  connectorId: z.string(),
  name: z.string(),
  authMethod: z.string(),
  status: connectionStatusSchema,
  statusReason: z.string().nullable(),
  config: z.record(z.string(), z.unknown()).meta({ description: 'The non-secret connection fields.' }),
  credentials: z.record(z.string(), z.object({ configured: z.boolean() }))
    .meta({ description: 'Secret fields are write-only: each auth field shows only whether it is set.' }),
  sandbox: z.boolean(),
  createdAt: timestamp,
}).meta({ id: 'Connection' });

const secretForm = z.record(z.string(), z.unknown()).meta({ writeOnly: true, description: "The auth method's fields (see the catalogue's authMethods[].schema). Stored encrypted, never returned." });

export const createConnectionBody = z.strictObject({
  connectorId: z.string().min(1),
  name: nameSchema.optional().meta({ description: "@default the connector's name" }),
  authMethod: z.string().optional().meta({ description: 'An auth method id of the connector. @default its first' }),
  config: z.record(z.string(), z.unknown()).default({}).meta({ description: "The connector's connection fields (catalogue connectionSchema)." }),
  credentials: secretForm.default({}),
  sandboxBaseUrl: z.url().optional().meta({ description: 'A loopback sandbox; only under the platform\'s sandbox egress policy.' }),
});

export const reauthorizeBody = z.strictObject({ credentials: secretForm });

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  latencyMs: z.number().int(),
}).meta({ id: 'ConnectionTest' });

export const streamSchema = z.object({
  id: idSchema,
  connectionId: idSchema,
  object: z.string(),
  canonical: z.string().nullable().meta({ description: 'The canonical type its records become (person, account, activity).' }),
  enabled: z.boolean(),
  cron: z.string(),
  nextRunAt: timestamp.nullable(),
  lastFullSyncAt: timestamp.nullable(),
  running: z.boolean(),
  mappingOverridden: z.boolean(),
}).meta({ id: 'Stream' });

export const scheduleBody = z.strictObject({
  cron: z.string().trim().min(9).max(120).optional().meta({ description: 'Five-field cron, UTC (`*/15 * * * *`).' }),
  enabled: z.boolean().optional(),
}).refine((b) => b.cron !== undefined || b.enabled !== undefined, { message: 'send cron, enabled or both' });

export const streamMappingSchema = z.object({
  object: z.string(),
  canonical: z.string(),
  default: mappingSchema.meta({ description: "The connector's default mapping." }),
  override: mappingSchema.nullable().meta({ description: "This connection's override; null when the default applies." }),
  effective: mappingSchema,
}).meta({ id: 'StreamMapping' });

export const mappingBody = z.strictObject({
  mapping: mappingSchema.nullable().meta({ description: 'The override; null restores the default.' }),
});

export const previewBody = z.strictObject({
  mapping: mappingSchema.optional().meta({ description: '@default the effective mapping' }),
  /** @default 10 */
  limit: z.number().int().min(1).max(100).default(10),
}).prefault({});

export const previewSchema = z.object({
  canonical: z.string(),
  sampled: z.number().int(),
  results: z.array(z.object({
    externalId: z.string(),
    record: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The canonical record; null when it would be rejected.' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })),
}).meta({ id: 'MappingPreview' });
