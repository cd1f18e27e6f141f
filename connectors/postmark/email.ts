/**
 * The platform's OutboundMessage as a Postmark email. `to` is one address or several separated by
 * commas (Postmark takes up to 50 recipients across To, Cc and Bcc); `subject` and `text` (the
 * TextBody) are required; `data.html` adds the HtmlBody. The stream is `data.messageStream`,
 * else the connection's (`outbound` by default: Postmark's default transactional stream). The
 * idempotency key rides in `Metadata` for tracing; Postmark does not dedupe on it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConnectorError } from '../../src/core/index.js';
import type { OutboundMessage } from '../../src/registry/index.js';

export const DEFAULT_STREAM = 'outbound';
export const RECIPIENT_LIMIT = 50;

const email = z.email('must be an email address');
const list = z.string().transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean)).pipe(z.array(email));

const messageSchema = z.object({
  to: z.string({ error: 'is required' }).transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean)).pipe(z.array(email).min(1, 'is required')),
  subject: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  text: z.string().min(1, 'is required (the TextBody)'),
  data: z.object({
    html: z.string().min(1).optional(),
    from: z.string().min(1).optional(),
    cc: list.optional(),
    bcc: list.optional(),
    replyTo: email.optional(),
    tag: z.string().max(1000).optional(),
    messageStream: z.string().regex(/^[a-z0-9-]+$/, 'must be a message stream id such as outbound').optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    trackOpens: z.boolean().optional(),
    trackLinks: z.enum(['None', 'HtmlAndText', 'HtmlOnly', 'TextOnly']).optional(),
  }).default({}),
}).superRefine((m, ctx) => {
  const count = m.to.length + (m.data.cc?.length ?? 0) + (m.data.bcc?.length ?? 0);
  if (count > RECIPIENT_LIMIT) ctx.addIssue({ code: 'custom', path: ['to'], message: `Postmark takes at most ${RECIPIENT_LIMIT} recipients across to, cc and bcc (got ${count})` });
});

export interface Defaults {
  from?: string;
  messageStream?: string;
}

function invalid(fields: Array<{ field: string; message: string }>): ConnectorError {
  return new ConnectorError(`postmark: the message is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { kind: 'validation', code: 'invalid_message', fields });
}

/** Metadata values are short: a long key is hashed, stably. */
const traceValue = (key: string) => (key.length <= 80 ? key : createHash('sha256').update(key).digest('hex'));

export function toPostmarkEmail(message: OutboundMessage, idempotencyKey: string, defaults: Defaults): Record<string, unknown> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(message)', message: i.message })));
  const { to, subject, text, data } = parsed.data;
  const from = data.from ?? defaults.from;
  if (!from) throw invalid([{ field: 'data.from', message: 'is required: no sender is set on the message or the connection' }]);
  return {
    From: from, To: to.join(', '), Subject: subject, TextBody: text,
    ...(data.html ? { HtmlBody: data.html } : {}),
    ...(data.cc?.length ? { Cc: data.cc.join(', ') } : {}),
    ...(data.bcc?.length ? { Bcc: data.bcc.join(', ') } : {}),
    ...(data.replyTo ? { ReplyTo: data.replyTo } : {}),
    ...(data.tag ? { Tag: data.tag } : {}),
    ...(data.trackOpens !== undefined ? { TrackOpens: data.trackOpens } : {}),
    ...(data.trackLinks ? { TrackLinks: data.trackLinks } : {}),
    Metadata: { ...data.metadata, idempotency_key: traceValue(idempotencyKey) },
    MessageStream: data.messageStream ?? defaults.messageStream ?? DEFAULT_STREAM,
  };
}
