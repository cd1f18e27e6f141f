/**
 * What Graph checks before it keeps a channel-message subscription: an expiry in the future and
 * at most 60 minutes away (4,320 with a lifecycle notification URL,
 * learn.microsoft.com/graph/teams-change-notification-in-microsoft-teams-overview), and a
 * notification URL that echoes a validation token as text/plain with 200 within 10 seconds
 * (learn.microsoft.com/graph/change-notifications-delivery-webhooks).
 */
import { randomBytes } from 'node:crypto';
import { badRequest, GraphError } from './answers.js';
import { postTo } from './post.js';

export function checkExpiry(value: unknown, lifecycle: boolean, now: number): string {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw badRequest("Invalid value for property 'expirationDateTime'.");
  if (at <= now) throw badRequest(`Subscription expiration can only be in the future: property 'expirationDateTime'.`);
  const minutes = (at - now) / 60_000;
  if (!lifecycle && minutes > 60) throw badRequest('lifecycleNotificationUrl is a required property for subscription creation on this resource when the expirationDateTime value is set to greater than 1 hour.');
  if (minutes > 4320) throw badRequest('Subscription expiration can only be 4320 minutes in the future.');
  return new Date(at).toISOString();
}

export async function validateUrl(url: string): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomBytes(8).toString('hex')}`;
  const outcome = await postTo(`${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`, '', 'text/plain; charset=utf-8', 10_000);
  if (outcome.kind === 'timeout') throw new GraphError(400, 'ValidationError', 'Subscription validation request timed out.');
  if (outcome.kind !== 'answered' || outcome.status !== 200 || outcome.body !== token) throw new GraphError(400, 'ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
}

