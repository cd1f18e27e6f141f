/**
 * zod for every answer the connector reads from the Graph API: the send answer
 * (`{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }`), the phone number
 * node read by the connection check, and Graph's error body
 * (`{ error: { message, type, code, error_subcode, error_data: { details }, fbtrace_id } }`).
 */
import { z } from 'zod';

export const sendAnswerSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});
export type SendAnswer = z.infer<typeof sendAnswerSchema>;

export const phoneNumberSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
});

export const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>['error'];
