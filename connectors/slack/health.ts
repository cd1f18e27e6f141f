/**
 * Connection check: `auth.test` (docs.slack.dev/reference/methods/auth.test) proves the bot token
 * and names the bot. Its `bot_id` is what the `botId` connection field wants, so that capture
 * can tell this bot's own posts from other apps' (see marker.ts).
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { authTestSchema } from './schemas.js';
import { slackGet } from './web-api.js';

export interface SlackIdentity {
  teamId: string;
  userId: string;
  botId?: string;
  team?: string;
}

export async function slackIdentity(ctx: ConnectorContext): Promise<SlackIdentity> {
  const result = await slackGet(ctx, 'auth.test', {}, authTestSchema);
  if (!result.ok) throw result.error;
  const { team_id: teamId, user_id: userId, bot_id: botId, team } = result.body;
  return { teamId, userId, ...(botId ? { botId } : {}), ...(team ? { team } : {}) };
}

export async function testSlackConnection(ctx: ConnectorContext): Promise<ConnectionCheck & { botId?: string; teamId?: string }> {
  try {
    const identity = await slackIdentity(ctx);
    if (!identity.botId) return { ok: false, message: 'This is a user token: Forgeworks needs a bot token (xoxb-…).' };
    const configured = ctx.config.botId;
    const hint = configured === identity.botId ? '' : ` Set the connection's Bot id to ${identity.botId} so its own posts are recognised.`;
    return { ok: true, message: `Connected to Slack workspace ${identity.team ?? identity.teamId} as bot ${identity.botId}.${hint}`, botId: identity.botId, teamId: identity.teamId };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
