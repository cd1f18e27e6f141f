/**
 * The platform's OutboundMessage as an Events API v2 alert event. `text` is the summary (up to
 * 1,024 characters); `data` carries PagerDuty's own fields (`action`, `severity`, `source`,
 * `component`, `group`, `class`, `customDetails`, `links`, `images`, `client`, `clientUrl`).
 * The dedup key is `threadId` when the message follows up an alert (the id an earlier send
 * returned), else the idempotency key: a trigger sent twice with one key is one alert.
 * Refusals name the OutboundMessage field, before any HTTP call.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConnectorError } from '../../src/core/index.js';
import type { OutboundMessage } from '../../src/registry/index.js';

export const SUMMARY_LIMIT = 1024;
export const DEDUP_KEY_LIMIT = 255;

const link = z.object({ href: z.url(), text: z.string().optional() });
const image = z.object({ src: z.url().startsWith('https://', 'must be served over HTTPS'), href: z.url().optional(), alt: z.string().optional() });

const dataSchema = z.object({
  /** @default 'trigger' */
  action: z.enum(['trigger', 'acknowledge', 'resolve']).default('trigger'),
  /** @default 'error' */
  severity: z.enum(['critical', 'error', 'warning', 'info']).default('error'),
  source: z.string().min(1).optional(),
  component: z.string().optional(),
  group: z.string().optional(),
  class: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  customDetails: z.record(z.string(), z.unknown()).optional(),
  links: z.array(link).optional(),
  images: z.array(image).optional(),
  client: z.string().optional(),
  clientUrl: z.url().optional(),
}).default({ action: 'trigger', severity: 'error' });

const messageSchema = z.object({ text: z.string(), threadId: z.string().min(1).optional(), data: dataSchema }).superRefine((m, ctx) => {
  if (m.data.action !== 'trigger') return;
  if (m.text.trim() === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required: it is the alert summary' });
  if (m.text.length > SUMMARY_LIMIT) ctx.addIssue({ code: 'custom', path: ['text'], message: `must be at most ${SUMMARY_LIMIT} characters (the alert summary)` });
});

/** A key longer than PagerDuty's 255 characters is hashed: stable, so retries still dedupe. */
export function dedupKeyOf(key: string): string {
  return key.length <= DEDUP_KEY_LIMIT ? key : `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

/** The body of `POST /v2/enqueue`, without the routing key (added by send from the credentials). */
export function toEvent(message: OutboundMessage, idempotencyKey: string, defaultSource: string): Record<string, unknown> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(message)', message: issue.message }));
    throw new ConnectorError(`pagerduty: the message is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { kind: 'validation', code: 'invalid_message', fields });
  }
  const { text, threadId, data } = parsed.data;
  const dedupKey = dedupKeyOf(threadId ?? idempotencyKey);
  if (data.action !== 'trigger') return { event_action: data.action, dedup_key: dedupKey };
  return {
    event_action: 'trigger', dedup_key: dedupKey,
    payload: {
      summary: text, source: data.source ?? defaultSource, severity: data.severity,
      ...(data.timestamp ? { timestamp: data.timestamp } : {}), ...(data.component ? { component: data.component } : {}),
      ...(data.group ? { group: data.group } : {}), ...(data.class ? { class: data.class } : {}),
      ...(data.customDetails ? { custom_details: data.customDetails } : {}),
    },
    ...(data.links ? { links: data.links } : {}), ...(data.images ? { images: data.images } : {}),
    ...(data.client ? { client: data.client } : {}), ...(data.clientUrl ? { client_url: data.clientUrl } : {}),
  };
}
