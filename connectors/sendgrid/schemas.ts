/**
 * zod for what the SendGrid v3 API answers: mail send's 202 carries no body, only the
 * `X-Message-Id` header; `GET /v3/scopes` lists the key's scopes; errors are
 * `{ errors: [{ message, field, help }] }` (twilio.com/docs/sendgrid: Mail Send errors).
 */
import { z } from 'zod';

export const messageIdSchema = z.string().min(1, 'SendGrid answered 202 without an X-Message-Id header');

export const scopesSchema = z.looseObject({ scopes: z.array(z.string()) });

export const sendgridErrorSchema = z.looseObject({
  errors: z.array(z.looseObject({
    message: z.string(),
    field: z.string().nullable().optional(),
    help: z.unknown().optional(),
  })).min(1),
});
