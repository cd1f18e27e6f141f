/**
 * conversations.history and conversations.replies (docs.slack.dev/reference/methods/conversations.history):
 * a window of `oldest`/`latest` (exclusive unless `inclusive`), newest first for history and
 * oldest first for a thread, `limit` (default 100, at most 999) with a `next_cursor`. Metadata
 * is returned for the calling app's own messages, and for all with `include_all_metadata`.
 */
import { slackError } from './answers.js';
import { flag, integer, text } from './args.js';
import { channelArg, type CallContext } from './chat.js';
import { compareTs, type StoredMessage } from './workspace.js';

function inWindow(ctx: CallContext): (m: StoredMessage) => boolean {
  const oldest = text(ctx.args, 'oldest');
  const latest = text(ctx.args, 'latest');
  const inclusive = flag(ctx.args, 'inclusive');
  return (m) => {
    if (oldest && (inclusive ? compareTs(m.ts, oldest) < 0 : compareTs(m.ts, oldest) <= 0)) return false;
    if (latest && (inclusive ? compareTs(m.ts, latest) > 0 : compareTs(m.ts, latest) >= 0)) return false;
    return true;
  };
}

function page(ctx: CallContext, messages: StoredMessage[]): Record<string, unknown> {
  const limit = Math.min(integer(ctx.args, 'limit', 100), 999);
  const cursor = text(ctx.args, 'cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace(/^offset:/, '')) || 0 : 0;
  const all = flag(ctx.args, 'include_all_metadata');
  const shown = messages.slice(start, start + limit).map((m) => {
    if (all || !m.metadata || m.app_id === ctx.principal.appId) return m;
    const { metadata: _hidden, ...rest } = m;
    return rest;
  });
  const hasMore = start + limit < messages.length;
  const next = hasMore ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { messages: shown, has_more: hasMore, pin_count: 0, channel_actions_ts: null, channel_actions_count: 0, response_metadata: { next_cursor: next } };
}

export function history(ctx: CallContext): Record<string, unknown> {
  const channel = channelArg(ctx);
  return page(ctx, ctx.workspace.roots(channel).filter(inWindow(ctx)));
}

export function replies(ctx: CallContext): Record<string, unknown> {
  const channel = channelArg(ctx);
  const ts = text(ctx.args, 'ts');
  // `ts` may name the root or any reply of the thread.
  const named = ts ? channel.messages.get(ts) : undefined;
  const thread = named ? ctx.workspace.thread(channel, named.thread_ts ?? named.ts) : [];
  if (thread.length === 0) throw slackError('thread_not_found');
  return page(ctx, thread.filter(inWindow(ctx)));
}
