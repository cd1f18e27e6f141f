/**
 * Graph's subscription routes for channel messages (learn.microsoft.com/graph/api/subscription-post-subscriptions,
 * subscription-update, subscription-list, subscription-delete): create after the URL check,
 * renew by PATCH, read, list, delete; a lapsed subscription answers 404.
 */
import type { SandboxServer } from '../../../src/sandbox/index.js';
import { answer, badRequest, GraphError, graphRoute, notFound } from './answers.js';
import type { GraphPrincipal } from './identity.js';
import type { GraphIds } from './ids.js';
import { checkExpiry, validateUrl } from './subscription-checks.js';
import { SubscriptionBook, type Subscription } from './subscription-book.js';
import type { Tenant } from './tenant.js';

export { SubscriptionBook, type Subscription } from './subscription-book.js';

const RESOURCE = /^\/?teams\/([^/]+)\/channels\/([^/]+)\/messages$/;
const CHANGE_TYPES = ['created', 'updated', 'deleted'];

export function registerSubscriptionRoutes(server: SandboxServer<GraphPrincipal>, tenant: Tenant, book: SubscriptionBook, ids: GraphIds): void {
  const view = (sub: Subscription) => ({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity', ...sub });
  server.route('POST', '/v1.0/subscriptions', graphRoute(async (req) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const changeType = typeof body.changeType === 'string' ? body.changeType : '';
    if (!changeType || changeType.split(',').some((c) => !CHANGE_TYPES.includes(c.trim()))) throw badRequest("Invalid value for property 'changeType'.");
    const url = typeof body.notificationUrl === 'string' ? body.notificationUrl : '';
    if (!/^https:\/\//.test(url) && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw badRequest("Invalid 'notificationUrl': the URL must use https.");
    const match = RESOURCE.exec(typeof body.resource === 'string' ? body.resource : '');
    if (!match) throw badRequest("Invalid value for property 'resource'.");
    if (!tenant.channel(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!))) throw notFound('Resource');
    const lifecycle = typeof body.lifecycleNotificationUrl === 'string' ? body.lifecycleNotificationUrl : null;
    const expirationDateTime = checkExpiry(body.expirationDateTime, lifecycle !== null, tenant.clock.now());
    const clientState = typeof body.clientState === 'string' ? body.clientState : null;
    if (clientState && clientState.length > 255) throw badRequest("The value of property 'clientState' is longer than 255 characters.");
    await validateUrl(url);
    const sub: Subscription = {
      id: ids.guid(), resource: body.resource as string, applicationId: req.auth.appId, changeType, clientState, notificationUrl: url, lifecycleNotificationUrl: lifecycle,
      expirationDateTime, creatorId: req.auth.userId ?? req.auth.appId, includeResourceData: false, latestSupportedTlsVersion: 'v1_2',
      encryptionCertificate: null, encryptionCertificateId: null, notificationQueryOptions: null, notificationUrlAppId: null,
    };
    book.all.set(sub.id, sub);
    return answer(req, 201, view(sub));
  }));
  server.route('PATCH', '/v1.0/subscriptions/:id', graphRoute((req) => {
    const sub = book.live(req.params.id ?? '');
    if (!sub || sub.applicationId !== req.auth.appId) throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    sub.expirationDateTime = checkExpiry(body.expirationDateTime, sub.lifecycleNotificationUrl !== null, tenant.clock.now());
    return answer(req, 200, view(sub));
  }));
  server.route('GET', '/v1.0/subscriptions/:id', graphRoute((req) => {
    const sub = book.live(req.params.id ?? '');
    if (!sub || sub.applicationId !== req.auth.appId) throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
    return answer(req, 200, view(sub));
  }));
  server.route('GET', '/v1.0/subscriptions', graphRoute((req) => answer(req, 200, {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions', value: book.active().filter((s) => s.applicationId === req.auth.appId),
  })));
  server.route('DELETE', '/v1.0/subscriptions/:id', graphRoute((req) => {
    if (!book.live(req.params.id ?? '')) throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
    book.all.delete(req.params.id ?? '');
    return answer(req, 204);
  }));
}
