/**
 * The platform's OutboundMessage as a Cloud API message. `to` must be E.164 (Meta takes the
 * number with its country code; `+` and all). Without `data.template` it is a text message
 * (`text`, 1–4,096 characters, Meta's limit); with it, a template message (`name`, `language`
 * code, Meta's `components` passed as they are) and `text` is not sent. `threadId` (a `wamid.`)
 * makes it a reply. Refusals name the OutboundMessage field, before any HTTP call.
 */
import { z } from 'zod';
import { ConnectorError } from '../../src/core/index.js';
import type { OutboundMessage } from '../../src/registry/index.js';

export const TEXT_LIMIT = 4096;

const templateSchema = z.object({
  name: z.string().min(1, 'is required').max(512),
  /** @default 'en_US' */
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a template language code such as en_US').default('en_US'),
  components: z.array(z.record(z.string(), z.unknown())).optional(),
});

const messageSchema = z.object({
  to: z.string({ error: 'is required' }).regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 format, e.g. +14155550123'),
  text: z.string(),
  threadId: z.string().startsWith('wamid.', 'must be the wamid. of the message replied to').optional(),
  data: z.object({ template: templateSchema.optional(), previewUrl: z.boolean().optional() }).optional(),
}).superRefine((m, ctx) => {
  if (m.data?.template) return;
  if (m.text.trim() === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required for a text message' });
  if (m.text.length > TEXT_LIMIT) ctx.addIssue({ code: 'custom', path: ['text'], message: `must be at most ${TEXT_LIMIT} characters` });
});

export type GraphMessage = Record<string, unknown>;

/** The request body for `POST /{version}/{phone-number-id}/messages`. */
export function toGraphMessage(message: OutboundMessage): GraphMessage {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw invalidMessage(parsed.error);
  const { to, text, threadId, data } = parsed.data;
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...(threadId ? { context: { message_id: threadId } } : {}) };
  if (data?.template) {
    const { name, language, components } = data.template;
    // `policy: deterministic` is the only policy there is; Meta's v23 schema requires it.
    return { ...base, type: 'template', template: { name, language: { policy: 'deterministic', code: language }, ...(components ? { components } : {}) } };
  }
  return { ...base, type: 'text', text: { body: text, ...(data?.previewUrl !== undefined ? { preview_url: data.previewUrl } : {}) } };
}

function invalidMessage(error: z.ZodError): ConnectorError {
  const fields = error.issues.map((issue) => ({ field: issue.path.join('.') || '(message)', message: issue.message }));
  return new ConnectorError(`whatsapp: the message is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, {
    kind: 'validation', code: 'invalid_message', fields,
  });
}
