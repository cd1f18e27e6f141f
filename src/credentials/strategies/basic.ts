import { z } from 'zod';
import { parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { secretForms } from './redact.js';
import type { AuthStrategy } from './types.js';

export const basicConfigSchema = z.object({
  // RFC 7617: the user-id ends at the first colon, so a colon in it would shift into the password.
  // Any other character is safe: the pair travels base64-encoded.
  username: requiredText.refine((u) => !u.includes(':'), 'must not contain ":"'),
  /** @default '' (some APIs take a user name alone) */
  password: z.string().default(''),
});
export type BasicConfig = z.input<typeof basicConfigSchema>;

export const zendeskTokenConfigSchema = z.object({
  email: requiredText.refine((e) => !e.includes(':'), 'must not contain ":"'),
  apiToken: requiredText,
});
export type ZendeskTokenConfig = z.input<typeof zendeskTokenConfigSchema>;

function basicStrategy(type: string, username: string, password: string): AuthStrategy {
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return {
    type,
    async authorize(req) {
      setHeader(req, 'Authorization', `Basic ${encoded}`);
    },
    // The base64 form is as good as the password to anyone who reads it in a log.
    secrets: () => [...secretForms(password), encoded],
  };
}

/** HTTP Basic (RFC 7617), UTF-8 encoded. */
export function basic(config: BasicConfig): AuthStrategy {
  const { username, password } = parseStrategyConfig('basic', basicConfigSchema, config);
  return basicStrategy('basic', username, password);
}

/** Zendesk API token: Basic with `{email}/token` as user and the token as password. */
export function zendeskToken(config: ZendeskTokenConfig): AuthStrategy {
  const { email, apiToken } = parseStrategyConfig('zendeskToken', zendeskTokenConfigSchema, config);
  return basicStrategy('zendesk_token', `${email}/token`, apiToken);
}
