import { z } from 'zod';
import { idSchema, nameSchema, roleSchema, timestamp } from './common.js';

export const orgSchema = z.object({
  id: idSchema,
  name: z.string(),
  domainAllowlist: z.array(z.string()).meta({ description: 'Settings → Integrations: hosts connectors of this org may reach, on top of each connector\'s own list (empty: no extra restriction).' }),
  createdAt: timestamp,
}).meta({ id: 'Org' });

export const workspaceSchema = z.object({
  id: idSchema, orgId: idSchema, name: z.string(), isDemo: z.boolean(), createdAt: timestamp,
}).meta({ id: 'Workspace' });

export const memberSchema = z.object({
  id: idSchema, orgId: idSchema, workspaceId: idSchema.nullable(), email: z.string(), role: roleSchema, createdAt: timestamp,
}).meta({ id: 'Member' });

export const apiKeySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  orgId: idSchema.nullable(),
  workspaceId: idSchema.nullable(),
  memberId: idSchema.nullable(),
  prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart. The key itself is never shown again.' }),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
}).meta({ id: 'ApiKey' });

export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().meta({ description: 'The key: shown in this answer only, stored hashed. Send it as `Authorization: Bearer <key>`.' }),
}).meta({ id: 'CreatedApiKey' });

export const principalSchema = z.object({
  keyId: idSchema, role: roleSchema, orgId: idSchema.nullable(), workspaceId: idSchema.nullable(),
}).meta({ id: 'Principal' });

export const orgBody = z.strictObject({ name: nameSchema });
export const workspaceBody = z.strictObject({ name: nameSchema });

/** Roles an org grants: platform admins are made by the platform, never by an org. */
export const orgRoleSchema = z.enum(['org_admin', 'workspace_member']);

export const memberBody = z.strictObject({
  email: z.email().max(320),
  role: orgRoleSchema,
  workspaceId: idSchema.optional().meta({ description: 'Required for a workspace_member: the workspace they work in.' }),
}).superRefine(workspaceForRole);

export const apiKeyBody = z.strictObject({
  name: nameSchema,
  role: orgRoleSchema,
  workspaceId: idSchema.optional().meta({ description: 'Required for a workspace_member key; absent for an org_admin key.' }),
  memberId: idSchema.optional().meta({ description: 'The member the key belongs to, if any.' }),
}).superRefine(workspaceForRole);

function workspaceForRole(value: { role: string; workspaceId?: string }, ctx: z.RefinementCtx): void {
  if (value.role === 'workspace_member' && !value.workspaceId) ctx.addIssue({ code: 'custom', path: ['workspaceId'], message: 'a workspace_member needs a workspace' });
  if (value.role === 'org_admin' && value.workspaceId) ctx.addIssue({ code: 'custom', path: ['workspaceId'], message: 'an org_admin spans the whole org; leave workspaceId out' });
}

export const auditEntrySchema = z.object({
  id: z.number().int(),
  orgId: idSchema.nullable(),
  workspaceId: idSchema.nullable(),
  actor: z.object({ keyId: z.string().nullable(), role: z.string().nullable() }),
  action: z.string(),
  target: z.string().nullable(),
  diff: z.unknown().meta({ description: 'What changed, scrubbed: secret values read [REDACTED].' }),
  at: timestamp,
}).meta({ id: 'AuditEntry' });
