/**
 * The platform's OutboundMessage as a Twilio `Create a Message` form. `to` is E.164 (or
 * `whatsapp:+…`); the sender is `data.from` or `data.messagingServiceSid`, else the connection's
 * default From number or Messaging Service (Twilio needs one of them); `text` is the Body (up to
 * 1,600 characters, Twilio's limit), optional when `data.mediaUrls` or `data.contentSid` carry
 * the content. Refusals name the OutboundMessage field, before any HTTP call.
 */
import { z } from 'zod';
import { ConnectorError } from '../../src/core/index.js';
import type { OutboundMessage } from '../../src/registry/index.js';

export const BODY_LIMIT = 1600;
const address = /^(whatsapp:)?\+[1-9]\d{6,14}$/;

const dataSchema = z.object({
  from: z.string().min(1).optional(),
  messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG…)').optional(),
  mediaUrls: z.array(z.url()).max(10, 'Twilio takes at most 10 media URLs').optional(),
  statusCallback: z.url().optional(),
  contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX…)').optional(),
  contentVariables: z.record(z.string(), z.string()).optional(),
  /** Seconds Twilio may queue the message, 1–36,000. */
  validityPeriod: z.number().int().min(1).max(36_000).optional(),
}).default({});

const messageSchema = z.object({
  to: z.string({ error: 'is required' }).regex(address, 'must be a phone number in E.164 format (+14155550123), or whatsapp:+…'),
  text: z.string().max(BODY_LIMIT, `must be at most ${BODY_LIMIT} characters`),
  data: dataSchema,
}).superRefine((m, ctx) => {
  if (m.text.trim() === '' && !m.data.mediaUrls?.length && !m.data.contentSid) ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required unless data.mediaUrls or data.contentSid carry the content' });
});

export interface Senders {
  from?: string;
  messagingServiceSid?: string;
}

function invalid(fields: Array<{ field: string; message: string }>): ConnectorError {
  return new ConnectorError(`twilio: the message is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { kind: 'validation', code: 'invalid_message', fields });
}

/** The form body of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`. */
export function toTwilioForm(message: OutboundMessage, defaults: Senders): URLSearchParams {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(message)', message: i.message })));
  const { to, text, data } = parsed.data;
  const from = data.from ?? defaults.from;
  const service = data.messagingServiceSid ?? defaults.messagingServiceSid;
  if (!from && !service) throw invalid([{ field: 'data.from', message: 'is required: no From number or Messaging Service is set on the message or the connection' }]);
  const form = new URLSearchParams({ To: to });
  if (from) form.set('From', from);
  if (service) form.set('MessagingServiceSid', service);
  if (text.trim() !== '') form.set('Body', text);
  for (const url of data.mediaUrls ?? []) form.append('MediaUrl', url);
  if (data.statusCallback) form.set('StatusCallback', data.statusCallback);
  if (data.contentSid) form.set('ContentSid', data.contentSid);
  if (data.contentVariables) form.set('ContentVariables', JSON.stringify(data.contentVariables));
  if (data.validityPeriod !== undefined) form.set('ValidityPeriod', String(data.validityPeriod));
  return form;
}
