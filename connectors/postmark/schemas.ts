/**
 * zod for what Postmark answers (postmarkapp.com/developer/api/email-api, /api/overview): a sent
 * email `{ To, SubmittedAt, MessageID, ErrorCode: 0, Message: "OK" }`, the server read by the
 * connection check, and errors `{ ErrorCode, Message }`.
 */
import { z } from 'zod';

export const sentSchema = z.looseObject({
  To: z.string().optional(),
  SubmittedAt: z.string().optional(),
  MessageID: z.string().min(1),
  ErrorCode: z.literal(0),
  Message: z.string(),
});
export type Sent = z.infer<typeof sentSchema>;

export const serverSchema = z.looseObject({ ID: z.number(), Name: z.string() });

export const postmarkErrorSchema = z.looseObject({ ErrorCode: z.number(), Message: z.string() });
