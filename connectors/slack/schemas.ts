/**
 * Slack Web API and Events API shapes, parsed with zod before anything is mapped
 * (docs.slack.dev/reference/methods, docs.slack.dev/reference/events/message). Loose objects:
 * Slack adds fields often, and a new field must never break a call.
 */
import { z } from 'zod';

/** `1700000000.000100`: seconds and microseconds, unique per channel (the message id). */
export const tsSchema = z.string().regex(/^\d+\.\d+$/, 'a Slack ts (seconds.micros)');

export const metadataSchema = z.looseObject({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() });

export const slackMessageSchema = z.looseObject({
  type: z.string().optional(),
  subtype: z.string().optional(),
  ts: tsSchema,
  text: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  thread_ts: tsSchema.optional(),
  edited: z.looseObject({ user: z.string().optional(), ts: tsSchema }).optional(),
  metadata: metadataSchema.optional(),
});
export type SlackMessage = z.infer<typeof slackMessageSchema>;

const ok = { ok: z.literal(true) };

export const postMessageSchema = z.looseObject({ ...ok, channel: z.string(), ts: tsSchema, message: slackMessageSchema.optional() });
export const updateSchema = z.looseObject({ ...ok, channel: z.string(), ts: tsSchema });
export const deleteSchema = z.looseObject({ ...ok, channel: z.string(), ts: tsSchema });
export const historySchema = z.looseObject({ ...ok, messages: z.array(slackMessageSchema), has_more: z.boolean().optional() });
export const authTestSchema = z.looseObject({
  ...ok, team_id: z.string(), user_id: z.string(), bot_id: z.string().optional(), team: z.string().optional(), url: z.string().optional(),
});

/** `{ ok: false, error, response_metadata: { messages } }`, at HTTP 200 (docs.slack.dev/apis/web-api). */
export const slackErrorSchema = z.looseObject({
  ok: z.literal(false),
  error: z.string(),
  needed: z.string().optional(),
  response_metadata: z.looseObject({ messages: z.array(z.string()).optional() }).optional(),
});

/** The outer Events API envelope; `url_verification` has no inner event (api.slack.com/events/url_verification). */
export const eventEnvelopeSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({
    type: z.literal('event_callback'),
    event_id: z.string(),
    event_time: z.number().optional(),
    team_id: z.string().optional(),
    event: z.looseObject({ type: z.string() }),
  }),
  z.looseObject({ type: z.literal('app_rate_limited') }),
]);

/** The inner `message` event and its `message_changed` / `message_deleted` subtypes. */
export const messageEventSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string(),
  ts: tsSchema,
  event_ts: tsSchema.optional(),
  text: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  thread_ts: tsSchema.optional(),
  metadata: metadataSchema.optional(),
  message: slackMessageSchema.optional(),
  previous_message: slackMessageSchema.optional(),
  deleted_ts: tsSchema.optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;
