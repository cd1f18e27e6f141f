import { z } from 'zod';
import { headerName, headerSafeText, headerSecret, parseStrategyConfig, requiredText } from './config.js';
import { setHeader } from './headers.js';
import { secretForms } from './redact.js';
import type { AuthStrategy } from './types.js';

export const apiKeyConfigSchema = z.discriminatedUnion('placement', [
  z.object({
    placement: z.literal('header'),
    key: headerSecret,
    /** Header name, e.g. `X-API-Key` or `Authorization`. */
    name: headerName,
    /** Written verbatim before the key, e.g. `'Bearer '` or `'Token token='`. @default '' */
    prefix: headerSafeText.default(''),
  }),
  z.object({
    placement: z.literal('query'),
    key: requiredText,
    /** Query parameter name, e.g. `api_key`. */
    name: requiredText,
  }),
  z.object({
    /** Basic auth with the key as user and an empty password, as Stripe does. */
    placement: z.literal('basic_user'),
    // Base64-encoded on the wire, so only the colon (the user/password separator) is off limits.
    key: requiredText.refine((key) => !key.includes(':'), 'must not contain ":" when sent as the Basic user'),
  }),
]);

export type ApiKeyConfig = z.input<typeof apiKeyConfigSchema>;

/** An API key in a header, a query parameter, or as the Basic auth user name. */
export function apiKey(config: ApiKeyConfig): AuthStrategy {
  const parsed = parseStrategyConfig('apiKey', apiKeyConfigSchema, config);
  const basicValue = parsed.placement === 'basic_user' ? Buffer.from(`${parsed.key}:`).toString('base64') : undefined;
  return {
    type: 'api_key',
    async authorize(req) {
      switch (parsed.placement) {
        case 'header':
          setHeader(req, parsed.name, `${parsed.prefix}${parsed.key}`);
          return;
        case 'query':
          req.url.searchParams.set(parsed.name, parsed.key);
          return;
        case 'basic_user':
          setHeader(req, 'Authorization', `Basic ${basicValue}`);
          return;
      }
    },
    secrets: () => secretForms(parsed.key, basicValue),
  };
}
