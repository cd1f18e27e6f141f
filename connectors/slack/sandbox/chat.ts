/**
 * chat.postMessage, chat.update and chat.delete as Slack runs them for a bot token
 * (docs.slack.dev/reference/methods/chat.postMessage, chat.update, chat.delete): a bot edits and
 * deletes only its own messages (`cant_update_message`, `cant_delete_message`), text is at most
 * 40,000 characters (`msg_too_long`), a message needs text or blocks (`no_text`), and metadata
 * must be `{ event_type, event_payload }` (`invalid_metadata_format`).
 */
import { slackError } from './answers.js';
import { text, type Args } from './args.js';
import type { SlackPrincipal } from './auth.js';
import type { Channel, StoredMessage, Workspace } from './workspace.js';

const MAX_TEXT = 40_000;

export interface CallContext {
  workspace: Workspace;
  principal: SlackPrincipal;
  args: Args;
}

export function channelArg(ctx: CallContext): Channel {
  const id = text(ctx.args, 'channel');
  const channel = id ? ctx.workspace.find(id) : undefined;
  if (!channel) throw slackError('channel_not_found');
  return channel;
}

function content(args: Args, required: boolean): Pick<StoredMessage, 'text' | 'blocks' | 'metadata'> | undefined {
  const body = text(args, 'text');
  const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
  if (args.blocks !== undefined && !blocks) throw slackError('invalid_blocks');
  if (body === undefined && !blocks) {
    if (required) throw slackError('no_text');
    return undefined;
  }
  if ((body ?? '').length > MAX_TEXT) throw slackError('msg_too_long');
  const metadata = args.metadata;
  if (metadata !== undefined) {
    const m = metadata as { event_type?: unknown; event_payload?: unknown };
    if (typeof m !== 'object' || typeof m.event_type !== 'string' || typeof m.event_payload !== 'object' || m.event_payload === null) throw slackError('invalid_metadata_format');
  }
  return {
    text: body ?? '',
    ...(blocks ? { blocks } : {}),
    ...(metadata ? { metadata: metadata as StoredMessage['metadata'] } : {}),
  };
}

function ownMessage(ctx: CallContext, channel: Channel, ts: string | undefined, refusal: string): StoredMessage {
  const message = ts ? channel.messages.get(ts) : undefined;
  if (!message) throw slackError('message_not_found');
  if (message.bot_id !== ctx.principal.botId) throw slackError(refusal);
  return message;
}

/** The bot profile Slack puts on a bot's messages (the description's objs_bot_profile). */
function botProfile(ctx: CallContext): Record<string, unknown> {
  const { botId, appId } = ctx.principal;
  const icon = (size: number) => `https://a.slack-edge.com/80588/img/plugins/app/bot_${size}.png`;
  return { id: botId, app_id: appId, name: 'Forgeworks', deleted: false, updated: 1700000000, team_id: ctx.workspace.teamId, icons: { image_36: icon(36), image_48: icon(48), image_72: icon(72) } };
}

export function postMessage(ctx: CallContext): Record<string, unknown> {
  const channel = channelArg(ctx);
  if (channel.archived) throw slackError('is_archived');
  const body = content(ctx.args, true)!;
  const threadTs = text(ctx.args, 'thread_ts');
  if (threadTs && !channel.messages.has(threadTs)) throw slackError('thread_not_found');
  const { botId, botUserId, appId } = ctx.principal;
  const message = ctx.workspace.post(channel, {
    ...body, user: botUserId, bot_id: botId, app_id: appId,
    bot_profile: botProfile(ctx),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { channel: channel.id, ts: message.ts, message };
}

export function updateMessage(ctx: CallContext): Record<string, unknown> {
  const channel = channelArg(ctx);
  const ts = text(ctx.args, 'ts');
  ownMessage(ctx, channel, ts, 'cant_update_message');
  const patch = content(ctx.args, true)!;
  const message = ctx.workspace.edit(channel, ts!, patch, ctx.principal.botUserId);
  return { channel: channel.id, ts: message.ts, text: message.text, message: { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) } };
}

export function deleteMessage(ctx: CallContext): Record<string, unknown> {
  const channel = channelArg(ctx);
  const ts = text(ctx.args, 'ts');
  ownMessage(ctx, channel, ts, 'cant_delete_message');
  ctx.workspace.remove(channel, ts!);
  return { channel: channel.id, ts };
}
