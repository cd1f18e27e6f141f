/**
 * Slack's request signing (api.slack.com/docs/verifying-requests-from-slack): `v0=` + hex
 * HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` keyed with the app's signing secret,
 * compared in constant time; a timestamp more than five minutes from now is refused as a replay.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The reasons name what was wrong, never the secret or the expected signature: they are logged.
 * @param nowMs the receiver's clock
 */
export function verifySlackSignature(input: { signingSecret: string; timestamp: string | undefined; signature: string | undefined; rawBody: string; nowMs: number }): SignatureVerdict {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing X-Slack-Request-Timestamp or X-Slack-Signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time' };
  const skew = Math.abs(input.nowMs / 1000 - Number(timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: `stale X-Slack-Request-Timestamp (${Math.round(skew)} s from now; at most ${SIGNATURE_WINDOW_SECONDS})` };
  const expected = Buffer.from(slackSignature(input.signingSecret, timestamp, input.rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual needs equal lengths; a wrong length is a mismatch all the same.
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return same ? { ok: true } : { ok: false, reason: 'X-Slack-Signature does not match the request' };
}
