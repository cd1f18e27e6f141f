/**
 * The test's "people": post, edit and delete as a workspace member would in the Slack client
 * (a `client_msg_id` on every post, edits and deletes of their own messages). They go through
 * the workspace like the Web API does, so they raise the same events.
 */
import { randomUUID } from 'node:crypto';
import type { SlackSandbox } from './handle.js';
import type { Channel, Workspace } from './workspace.js';

type Levers = Pick<SlackSandbox, 'postAsHuman' | 'editAsHuman' | 'deleteAsHuman' | 'messages'>;

function channelOf(workspace: Workspace, id: string): Channel {
  const channel = workspace.find(id);
  if (!channel) throw new Error(`the Slack sandbox has no channel ${id}`);
  return channel;
}

function messageOf(channel: Channel, ts: string) {
  const message = channel.messages.get(ts);
  if (!message) throw new Error(`channel ${channel.id} has no message ${ts}`);
  return message;
}

export function humanLevers(workspace: Workspace, humanUserId: string): Levers {
  return {
    postAsHuman(channelId, text, options = {}) {
      const channel = channelOf(workspace, channelId);
      if (options.threadId) messageOf(channel, options.threadId);
      const message = workspace.post(channel, {
        text, user: options.user ?? humanUserId, client_msg_id: randomUUID(),
        blocks: [{ type: 'rich_text', block_id: 'human', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }],
        ...(options.threadId ? { thread_ts: options.threadId } : {}),
      });
      return message.ts;
    },
    editAsHuman(channelId, ts, text) {
      const channel = channelOf(workspace, channelId);
      const message = messageOf(channel, ts);
      workspace.edit(channel, ts, { text }, message.user ?? humanUserId);
    },
    deleteAsHuman(channelId, ts) {
      const channel = channelOf(workspace, channelId);
      messageOf(channel, ts);
      workspace.remove(channel, ts);
    },
    messages(channelId) {
      const channel = channelOf(workspace, channelId);
      return workspace.roots(channel).reverse().flatMap((root) => (root.reply_count ? workspace.thread(channel, root.ts) : [root]));
    },
  };
}
