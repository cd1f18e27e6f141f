/**
 * The test's "people": post, reply, edit and soft-delete as a Teams user would, in HTML as the
 * Teams client writes it. They go through the tenant like the API does, so they raise the same
 * change notifications.
 */
import type { TeamsSandbox } from './handle.js';
import type { Author, Tenant, TeamsChannel } from './tenant.js';

type Levers = Pick<TeamsSandbox, 'postAsHuman' | 'editAsHuman' | 'deleteAsHuman' | 'messages'>;

const html = (text: string) => `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

export function channelFor(tenant: Tenant, ref: string): TeamsChannel {
  const [teamId = '', channelId = ''] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)];
  const channel = tenant.channel(teamId, channelId);
  if (!channel) throw new Error(`the Teams sandbox has no channel ${ref}`);
  return channel;
}

function messageFor(tenant: Tenant, channel: TeamsChannel, id: string) {
  const [rootId = '', replyId] = id.split('/');
  const message = tenant.find(channel, rootId, replyId);
  if (!message) throw new Error(`channel ${channel.id} has no message ${id}`);
  return message;
}

export function humanLevers(tenant: Tenant, human: Author): Levers {
  return {
    postAsHuman(ref, text, options = {}) {
      const channel = channelFor(tenant, ref);
      const rootId = options.threadId?.split('/')[0];
      if (rootId) messageFor(tenant, channel, rootId);
      const message = tenant.post(channel, human, { contentType: 'html', content: html(text) }, rootId ?? null);
      return rootId ? `${rootId}/${message.id}` : message.id;
    },
    editAsHuman(ref, id, text) {
      const channel = channelFor(tenant, ref);
      tenant.edit(channel, messageFor(tenant, channel, id), { contentType: 'html', content: html(text) });
    },
    deleteAsHuman(ref, id) {
      const channel = channelFor(tenant, ref);
      tenant.softDelete(channel, messageFor(tenant, channel, id));
    },
    messages(ref) {
      const all = [...channelFor(tenant, ref).messages.values()];
      const roots = all.filter((m) => m.replyToId === null).sort((a, b) => Number(a.id) - Number(b.id));
      return roots.flatMap((root) => [root, ...all.filter((m) => m.replyToId === root.id).sort((a, b) => Number(a.id) - Number(b.id))]).map((m) => structuredClone(m));
    },
  };
}
