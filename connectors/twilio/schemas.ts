/**
 * zod for what the Twilio REST API (2010-04-01) answers: the Message resource, the Account
 * resource read by the connection check, and Twilio's error body
 * `{ code, message, more_info, status }` (twilio.com/docs/usage/twilios-response).
 */
import { z } from 'zod';

export const messageResourceSchema = z.looseObject({
  sid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/),
  account_sid: z.string(),
  status: z.string(),
  to: z.string(),
  from: z.string().nullable(),
  messaging_service_sid: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  num_segments: z.string().optional(),
  date_created: z.string().nullable().optional(),
  error_code: z.number().nullable().optional(),
  error_message: z.string().nullable().optional(),
});
export type MessageResource = z.infer<typeof messageResourceSchema>;

// Only what the check shows: the Account resource also carries the auth token, which is never kept.
export const accountSchema = z.object({ sid: z.string(), friendly_name: z.string().optional(), status: z.string(), type: z.string().optional() });

export const twilioErrorSchema = z.looseObject({
  code: z.number().nullable().optional(),
  message: z.string(),
  more_info: z.string().optional(),
  status: z.number().optional(),
});
