/**
 * Workspace changes as Events API deliveries (docs.slack.dev/apis/events-api): the
 * `event_callback` envelope around a `message` event, its `message_changed` and
 * `message_deleted` subtypes as Slack shapes them (docs.slack.dev/reference/events/message/…).
 * Every change is delivered, the bot's own posts included, as Slack does.
 */
import type { SlackIds } from './ids.js';
import type { Change } from './workspace.js';

export interface AppIdentity {
  teamId: string;
  appId: string;
  botUserId: string;
  /** The deprecated verification token Slack still puts in every payload. */
  verificationToken: string;
}

function innerEvent(change: Change): Record<string, unknown> {
  const common = { channel: change.channel, channel_type: 'channel' };
  switch (change.kind) {
    case 'posted':
      return { ...change.message, ...common, event_ts: change.message.ts };
    case 'edited':
      return { type: 'message', subtype: 'message_changed', hidden: true, ...common, ts: change.eventTs, event_ts: change.eventTs, message: change.message, previous_message: change.previous };
    case 'deleted':
      return { type: 'message', subtype: 'message_deleted', hidden: true, ...common, ts: change.eventTs, event_ts: change.eventTs, deleted_ts: change.previous.ts, previous_message: change.previous };
  }
}

export function eventCallback(change: Change, app: AppIdentity, ids: SlackIds, nowMs: number): { eventId: string; payload: Record<string, unknown> } {
  const eventId = ids.eventId();
  return {
    eventId,
    payload: {
      token: app.verificationToken, team_id: app.teamId, api_app_id: app.appId, event: innerEvent(change), type: 'event_callback',
      event_id: eventId, event_time: Math.floor(nowMs / 1000),
      authorizations: [{ enterprise_id: null, team_id: app.teamId, user_id: app.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    },
  };
}

export function urlVerification(app: AppIdentity, challenge: string): Record<string, unknown> {
  return { token: app.verificationToken, challenge, type: 'url_verification' };
}
