/**
 * The notification URL of a Graph subscription (learn.microsoft.com/graph/change-notifications-delivery-webhooks):
 * - `?validationToken=…`: Graph checking the URL when a subscription is made; answered 200,
 *   text/plain, the token as is, within 10 seconds.
 * - a notification collection: every notification must carry this connection's `clientState`
 *   (compared in constant time). One that does not is not Graph's, or not this subscription's:
 *   the whole delivery is refused unprocessed, answered 202 all the same, because any other
 *   answer makes Graph retry it for hours and retrying cannot make it right.
 * Pure: no HTTP; the hub fetches each message's content.
 */
import { timingSafeEqual } from 'node:crypto';
import type { CaptureContext, InboundOutcome, InboundRequest } from '../../src/registry/index.js';
import { toCapturedEvent } from './notifications.js';
import { notificationCollectionSchema } from './schemas.js';

function sameSecret(given: string | null | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '', 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function captureGraphNotification(request: InboundRequest, context: CaptureContext): InboundOutcome {
  const token = request.query.validationToken;
  if (token !== undefined) return { kind: 'reply', status: 200, contentType: 'text/plain', body: token };
  if (request.method.toUpperCase() !== 'POST') return { kind: 'refused', status: 405, reason: 'Graph notifications are POSTed' };
  const expected = context.secrets.clientState;
  // Not Graph's fault: a 5xx makes Graph retry once the connection has its secret.
  if (!expected) return { kind: 'refused', status: 500, reason: 'the connection has no clientState secret' };

  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'refused', status: 400, reason: 'the body is not JSON' };
  }
  const parsed = notificationCollectionSchema.safeParse(json);
  if (!parsed.success) return { kind: 'refused', status: 400, reason: 'the body is not a change-notification collection' };
  const notifications = parsed.data.value;
  const wrong = notifications.filter((n) => !sameSecret(n.clientState, expected)).length;
  if (wrong > 0) return { kind: 'refused', status: 202, reason: `clientState does not match in ${wrong} of ${notifications.length} notifications` };
  const events = notifications.flatMap((n) => toCapturedEvent(n, request.receivedAtMs) ?? []);
  return { kind: 'events', events };
}
