/**
 * The platform's OutboundMessage as a v3 Mail Send body. `to` is one address or several
 * separated by commas; `subject` and `text` (the text/plain part) are required, as SendGrid's
 * description of the request requires `subject` and `content`; `data.html` adds a text/html part
 * (after the text/plain one, the order SendGrid requires). The sender is `data.from`, else the
 * connection's. The idempotency key rides in the personalization's `custom_args`, so SendGrid's
 * event webhook can tie deliveries back to it; SendGrid does not dedupe on it.
 */
import { z } from 'zod';
import { ConnectorError } from '../../src/core/index.js';
import type { OutboundMessage } from '../../src/registry/index.js';

const email = z.email('must be an email address');
const addresses = z.string({ error: 'is required' }).transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean))
  .pipe(z.array(email).min(1, 'is required').max(1000, 'SendGrid takes at most 1,000 recipients'));
const named = z.union([email.transform((e) => ({ email: e })), z.object({ email, name: z.string().optional() })]);

const messageSchema = z.object({
  to: addresses,
  subject: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  text: z.string().min(1, 'is required (the text/plain part)'),
  data: z.object({
    html: z.string().min(1).optional(),
    from: named.optional(),
    replyTo: named.optional(),
    cc: z.array(email).optional(),
    bcc: z.array(email).optional(),
    categories: z.array(z.string().max(255)).max(10).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** Unix seconds; SendGrid schedules up to 72 hours ahead. */
    sendAt: z.number().int().positive().optional(),
  }).default({}),
});

export interface Sender {
  email?: string;
  name?: string;
}

function invalid(fields: Array<{ field: string; message: string }>): ConnectorError {
  return new ConnectorError(`sendgrid: the message is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { kind: 'validation', code: 'invalid_message', fields });
}

export function toMailSend(message: OutboundMessage, idempotencyKey: string, sender: Sender): Record<string, unknown> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(message)', message: i.message })));
  const { to, subject, text, data } = parsed.data;
  const from = data.from ?? (sender.email ? { email: sender.email, ...(sender.name ? { name: sender.name } : {}) } : undefined);
  if (!from) throw invalid([{ field: 'data.from', message: 'is required: no sender is set on the message or the connection' }]);
  return {
    personalizations: [{
      to: to.map((e) => ({ email: e })),
      ...(data.cc ? { cc: data.cc.map((e) => ({ email: e })) } : {}),
      ...(data.bcc ? { bcc: data.bcc.map((e) => ({ email: e })) } : {}),
      custom_args: { forgeworks_idempotency_key: idempotencyKey },
    }],
    from,
    ...(data.replyTo ? { reply_to: data.replyTo } : {}),
    subject,
    content: [{ type: 'text/plain', value: text }, ...(data.html ? [{ type: 'text/html', value: data.html }] : [])],
    ...(data.categories ? { categories: data.categories } : {}),
    ...(data.headers ? { headers: data.headers } : {}),
    ...(data.sendAt ? { send_at: data.sendAt } : {}),
  };
}
