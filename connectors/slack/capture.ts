/**
 * The Events API request URL (docs.slack.dev/apis/events-api): every request is signature-checked
 * first (url_verification included: Slack signs it too); then the challenge is echoed as
 * text/plain, and `event_callback` deliveries become hub events keyed by `event_id`, which is
 * the same on Slack's retries (X-Slack-Retry-Num), so the hub can drop repeats. Pure: no HTTP.
 */
import type { CaptureContext, InboundOutcome, InboundRequest } from '../../src/registry/index.js';
import { toCapturedEvents } from './events.js';
import { eventEnvelopeSchema } from './schemas.js';
import { verifySlackSignature } from './signature.js';

export function captureSlackEvent(request: InboundRequest, context: CaptureContext): InboundOutcome {
  if (request.method.toUpperCase() !== 'POST') return { kind: 'refused', status: 405, reason: 'the Events API only POSTs' };
  const signingSecret = context.secrets.signingSecret;
  // Not the sender's fault: a 500 makes Slack retry once the connection has its secret.
  if (!signingSecret) return { kind: 'refused', status: 500, reason: 'the connection has no signing secret' };
  const verdict = verifySlackSignature({
    signingSecret, timestamp: request.headers['x-slack-request-timestamp'], signature: request.headers['x-slack-signature'],
    rawBody: request.rawBody, nowMs: context.nowMs,
  });
  if (!verdict.ok) return { kind: 'refused', status: 401, reason: verdict.reason };

  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'refused', status: 400, reason: 'the body is not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  // A signed delivery of a kind the hub does not handle is acknowledged, or Slack retries it.
  if (!envelope.success) return { kind: 'events', events: [] };
  const body = envelope.data;
  if (body.type === 'url_verification') return { kind: 'reply', status: 200, contentType: 'text/plain', body: body.challenge };
  if (body.type !== 'event_callback' || body.event.type !== 'message') return { kind: 'events', events: [] };
  return { kind: 'events', events: toCapturedEvents(body.event_id, body.event, context.config) };
}
