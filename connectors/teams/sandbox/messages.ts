/**
 * Channel messages on Graph v1.0 (learn.microsoft.com/graph/api/channel-post-messages,
 * chatmessage-get, chatmessage-update, chatmessage-softdelete): post 201 with the chatMessage,
 * replies one level deep, PATCH 204, softDelete 204, GET of a soft-deleted message 200 with
 * `deletedDateTime`. Authors edit and delete their own messages.
 *
 * `permissions: 'documented'` refuses app-only tokens as Graph documents it: posting is for
 * migration only ("Message POST is allowed in application-only context only for import
 * purposes"), editing text and softDelete take no application permission. The default,
 * 'lenient', lets the app do all three, so a bridge can be tested app-only.
 */
import type { SandboxRequest, SandboxServer } from '../../../src/sandbox/index.js';
import { answer, badRequest, GraphError, graphRoute, notFound } from './answers.js';
import type { GraphPrincipal } from './identity.js';
import type { Author, StoredChatMessage, Tenant, TeamsChannel } from './tenant.js';

export type PermissionModel = 'documented' | 'lenient';

export interface MessageRouteContext {
  tenant: Tenant;
  permissions: PermissionModel;
  authorOf(principal: GraphPrincipal): Author;
}

type Req = SandboxRequest<GraphPrincipal>;
const BASE = '/v1.0/teams/:team/channels/:channel/messages';

function channelOf(ctx: MessageRouteContext, req: Req): TeamsChannel {
  const team = ctx.tenant.teams.get(req.params.team ?? '');
  if (!team) throw notFound(`No team found with Group Id ${req.params.team}. Team`);
  const channel = team.channels.get(req.params.channel ?? '');
  if (!channel) throw notFound('Channel');
  return channel;
}

function bodyOf(req: Req): StoredChatMessage['body'] {
  const body = (req.body as { body?: { contentType?: unknown; content?: unknown } } | undefined)?.body;
  if (!body || typeof body.content !== 'string' || body.content.trim() === '') throw badRequest("Missing or empty required property 'body.content'.");
  const contentType = body.contentType ?? 'text';
  if (contentType !== 'text' && contentType !== 'html') throw badRequest(`Invalid value '${String(contentType)}' for property 'body.contentType'.`);
  return { contentType, content: body.content };
}

function refuseAppOnly(ctx: MessageRouteContext, req: Req, what: 'post' | 'edit' | 'delete'): void {
  if (ctx.permissions !== 'documented' || req.auth.kind !== 'app') return;
  if (what === 'post') throw new GraphError(401, 'Unauthorized', 'Message POST is allowed in application-only context only for import purposes. Refer to https://docs.microsoft.com/microsoftteams/platform/graph-api/import-messages/import-external-messages-to-teams for more details.');
  throw new GraphError(403, 'Forbidden', `Application permissions are not supported to ${what} channel messages.`);
}

function authorId(from: Record<string, unknown>): string | undefined {
  const who = (from.application ?? from.user) as { id?: string } | null | undefined;
  return who?.id;
}

function ownOrRefuse(ctx: MessageRouteContext, req: Req, message: StoredChatMessage): void {
  if (authorId(ctx.authorOf(req.auth)) !== authorId(message.from)) throw new GraphError(403, 'Forbidden', 'Only the sender of a message can edit or delete it.');
}

function target(ctx: MessageRouteContext, req: Req): { channel: TeamsChannel; message: StoredChatMessage } {
  const channel = channelOf(ctx, req);
  const message = ctx.tenant.find(channel, req.params.id ?? '', req.params.reply);
  if (!message) throw notFound('Message');
  return { channel, message };
}

const odata = (req: Req, message: StoredChatMessage) => ({
  '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${req.params.team}')/channels('${encodeURIComponent(req.params.channel ?? '')}')/messages/$entity`, ...message,
});

export function registerMessageRoutes(server: SandboxServer<GraphPrincipal>, ctx: MessageRouteContext): void {
  const post = (req: Req, replyTo: string | null) => {
    refuseAppOnly(ctx, req, 'post');
    const channel = channelOf(ctx, req);
    if (replyTo && !ctx.tenant.find(channel, replyTo)) throw notFound('Message');
    return answer(req, 201, odata(req, ctx.tenant.post(channel, ctx.authorOf(req.auth), bodyOf(req), replyTo)));
  };
  server.route('POST', BASE, graphRoute((req: Req) => post(req, null)));
  server.route('POST', `${BASE}/:id/replies`, graphRoute((req: Req) => post(req, req.params.id ?? '')));

  for (const path of [`${BASE}/:id`, `${BASE}/:id/replies/:reply`]) {
    server.route('GET', path, graphRoute((req: Req) => answer(req, 200, odata(req, target(ctx, req).message))));
    server.route('PATCH', path, graphRoute((req: Req) => {
      refuseAppOnly(ctx, req, 'edit');
      const { channel, message } = target(ctx, req);
      if (message.deletedDateTime) throw notFound('Message');
      ownOrRefuse(ctx, req, message);
      ctx.tenant.edit(channel, message, bodyOf(req));
      return answer(req, 204);
    }));
    server.route('POST', `${path}/softDelete`, graphRoute((req: Req) => {
      refuseAppOnly(ctx, req, 'delete');
      const { channel, message } = target(ctx, req);
      ownOrRefuse(ctx, req, message);
      ctx.tenant.softDelete(channel, message);
      return answer(req, 204);
    }));
  }
}
