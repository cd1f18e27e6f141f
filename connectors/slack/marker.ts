/**
 * How a bridged copy is recognised on Slack. The hub's marker rides in message metadata
 * (docs.slack.dev/messaging/message-metadata), which Slack keeps on the message, returns in
 * history and includes in `message` events, so capture can read it back.
 *
 * "Written by this connection" (`fromSelf`): when the connection knows its bot id (`botId`, the
 * `bot_id` auth.test answers; testConnection reports it) only that bot's messages count. Without
 * it, any bot-authored message counts: over-eager (another app's posts are not bridged) but never
 * lets the bridge echo itself, which is the failure that matters.
 */
import type { SlackMessage } from './schemas.js';

export const MARKER_EVENT_TYPE = 'forgeworks_bridged';

export function markerMetadata(marker: string): { event_type: string; event_payload: { marker: string } } {
  return { event_type: MARKER_EVENT_TYPE, event_payload: { marker } };
}

export function markerOf(message: Pick<SlackMessage, 'metadata'> | undefined): string | undefined {
  const metadata = message?.metadata;
  if (metadata?.event_type !== MARKER_EVENT_TYPE) return undefined;
  const marker = metadata.event_payload?.marker;
  return typeof marker === 'string' ? marker : undefined;
}

export function isFromSelf(message: Pick<SlackMessage, 'bot_id' | 'subtype'> | undefined, config: Record<string, unknown>): boolean {
  if (!message) return false;
  const own = typeof config.botId === 'string' && config.botId !== '' ? config.botId : undefined;
  if (own) return message.bot_id === own;
  return message.bot_id !== undefined || message.subtype === 'bot_message';
}

/** The author as Slack names it: a user id, or the bot id of an app or webhook post. */
export function authorOf(message: Pick<SlackMessage, 'user' | 'bot_id'> | undefined): string | undefined {
  return message?.user ?? message?.bot_id;
}

/** A thread reply's root; a root message's own `thread_ts` equals its `ts` and is not a reply. */
export function threadOf(message: Pick<SlackMessage, 'ts' | 'thread_ts'>): string | undefined {
  return message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : undefined;
}

/** `1700000000.000100` → ISO 8601 (to the millisecond; Slack's micros only order within a channel). */
export function tsToIso(ts: string): string {
  const [seconds, micros = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0').slice(0, 6)) / 1000)).toISOString();
}
