import { z } from 'zod';
import { headerSecret, parseStrategyConfig } from './config.js';
import { setHeader } from './headers.js';
import { secretForms } from './redact.js';
import type { AuthStrategy } from './types.js';

export const bearerConfigSchema = z.object({ token: headerSecret });
export type BearerConfig = z.input<typeof bearerConfigSchema>;

/** A static bearer token (RFC 6750), e.g. a personal access token. */
export function bearer(config: BearerConfig): AuthStrategy {
  const { token } = parseStrategyConfig('bearer', bearerConfigSchema, config);
  return {
    type: 'bearer',
    async authorize(req) {
      setHeader(req, 'Authorization', `Bearer ${token}`);
    },
    secrets: () => secretForms(token),
  };
}
