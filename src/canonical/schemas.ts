/**
 * The canonical records every source is normalised into (the fields of the GTM seed). Vendor
 * records become one of these through a field mapping; the stream stores them per tenant.
 */
import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();

export const personSchema = z.object({
  externalId: z.string().min(1),
  email: z.email().optional(),
  firstName: optionalText,
  lastName: optionalText,
  title: optionalText,
  phone: optionalText,
  accountExternalId: optionalText,
  properties: z.record(z.string(), z.unknown()).optional(),
});

export const accountSchema = z.object({
  externalId: z.string().min(1),
  name: z.string().trim().min(1),
  domain: optionalText,
  industry: optionalText,
  employeeCount: z.number().int().nonnegative().optional(),
  annualRevenue: z.number().nonnegative().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export const activitySchema = z.object({
  externalId: z.string().min(1),
  type: z.string().trim().min(1),
  channel: optionalText,
  occurredAt: z.iso.datetime({ offset: true }),
  personExternalId: optionalText,
  accountExternalId: optionalText,
  properties: z.record(z.string(), z.unknown()).optional(),
});

export type Person = z.infer<typeof personSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Activity = z.infer<typeof activitySchema>;

export const CANONICAL_TYPES = ['person', 'account', 'activity'] as const;
export type CanonicalType = (typeof CANONICAL_TYPES)[number];

export const canonicalSchemas = { person: personSchema, account: accountSchema, activity: activitySchema } as const;
