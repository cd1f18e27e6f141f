/**
 * zod for what the Events API v2 answers (developer.pagerduty.com, "Send an Alert Event" and the
 * Events API v2 overview): 202 `{ status: "success", message, dedup_key }`, and 400
 * `{ status: "invalid event", message, errors: [...] }`. A 429 has no body.
 */
import { z } from 'zod';

export const acceptedSchema = z.looseObject({
  status: z.literal('success'),
  message: z.string().optional(),
  dedup_key: z.string().min(1),
});
export type Accepted = z.infer<typeof acceptedSchema>;

export const refusedSchema = z.looseObject({
  status: z.string(),
  message: z.string().optional(),
  errors: z.array(z.string()).optional(),
});
