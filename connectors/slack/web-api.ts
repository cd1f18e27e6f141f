/**
 * One Web API call: `POST https://slack.com/api/<method>` with a JSON body, or `GET` with query
 * arguments for the read methods (both are accepted by every method, docs.slack.dev/apis/web-api).
 * The bot token travels as a Bearer header, added by the platform's strategy.
 */
import type { ZodType } from 'zod';
import type { ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';

export type SlackArgs = Record<string, string | number | boolean | undefined>;

export type SlackResult<T> = { ok: true; body: T } | { ok: false; error: ConnectorError };

/** Sends a write (not replayed after an ambiguous failure: Slack has no idempotency keys). */
export async function slackPost<T>(ctx: ConnectorContext, method: string, body: Record<string, unknown>, schema: ZodType<T>): Promise<SlackResult<T>> {
  const response = await ctx.http.request({
    method: 'POST', url: `/api/${method}`, body: JSON.stringify(body), schema, signal: ctx.signal,
    // Slack asks for the charset on JSON bodies, or answers a `missing_charset` warning (the
    // executor's `json` option would send a bare application/json).
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  return response.ok && response.body !== undefined ? { ok: true, body: response.body } : { ok: false, error: response.error! };
}

/** A read: safe to retry after a timeout. */
export async function slackGet<T>(ctx: ConnectorContext, method: string, query: SlackArgs, schema: ZodType<T>): Promise<SlackResult<T>> {
  const response = await ctx.http.request({ method: 'GET', url: `/api/${method}`, query, schema, signal: ctx.signal });
  return response.ok && response.body !== undefined ? { ok: true, body: response.body } : { ok: false, error: response.error! };
}

export function unwrap<T>(result: SlackResult<T>): T {
  if (!result.ok) throw result.error;
  return result.body;
}
