/**
 * Stripe's answers as zod schemas: every response is parsed before it is mapped, so a shape
 * change surfaces as a named validation error. Objects are loose (Stripe adds fields with every
 * version; they pass through to the raw record), the fields the connector reads are strict.
 */
import { z } from 'zod';

const timestamp = z.number().int().nonnegative();
const metadata = z.record(z.string(), z.string());
/** An expandable reference: an id, or the object when expanded. */
const reference = z.union([z.string(), z.looseObject({ id: z.string() })]).nullable();

export const customerSchema = z.looseObject({
  id: z.string().startsWith('cus_'),
  object: z.literal('customer'),
  created: timestamp,
  email: z.string().nullable(),
  name: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  metadata: metadata.default({}),
  deleted: z.undefined().optional(),
});

/** A delete's answer, and a retrieve's answer for a deleted customer (200). */
export const deletedCustomerSchema = z.object({ id: z.string(), object: z.literal('customer'), deleted: z.literal(true) });
export const customerOrDeletedSchema = z.union([deletedCustomerSchema, customerSchema]);

export const chargeSchema = z.looseObject({
  id: z.string().regex(/^(ch|py)_/),
  object: z.literal('charge'),
  created: timestamp,
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['succeeded', 'pending', 'failed']),
  customer: reference,
  metadata: metadata.default({}),
});

export const invoiceSchema = z.looseObject({
  id: z.string().startsWith('in_'),
  object: z.literal('invoice'),
  created: timestamp,
  currency: z.string(),
  customer: reference,
  status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']).nullable(),
  total: z.number().int(),
  metadata: metadata.nullable().default({}),
});

export const eventSchema = z.looseObject({
  id: z.string().startsWith('evt_'),
  object: z.literal('event'),
  type: z.string(),
  created: timestamp,
  data: z.looseObject({
    object: z.looseObject({ id: z.string(), object: z.string() }),
    previous_attributes: z.record(z.string(), z.unknown()).optional(),
  }),
});

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), url: z.string() });
}

export const stripeErrorSchema = z.object({
  error: z.looseObject({
    type: z.string(),
    message: z.string().optional(),
    code: z.string().optional(),
    param: z.string().optional(),
    decline_code: z.string().optional(),
    doc_url: z.string().optional(),
    request_log_url: z.string().optional(),
  }),
});

export type StripeCustomer = z.infer<typeof customerSchema>;
export type StripeEvent = z.infer<typeof eventSchema>;
