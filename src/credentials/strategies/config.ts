import { z } from 'zod';
import { AuthError } from './auth-error.js';

/**
 * Text that may end up in an HTTP header. Control characters are refused here because an HTTP
 * client that rejects them (undici does) echoes the whole header value in its error.
 */
export const headerSafeText = z
  .string()
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters or line breaks');

/** A required secret that goes into a header as is. */
export const headerSecret = headerSafeText.min(1, 'is required');

/** An HTTP header name (RFC 9110 token), so a configured name cannot smuggle in a second header. */
export const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name');

export const requiredText = z.string().min(1, 'is required');

/**
 * Validates a strategy's configuration. The error lists field paths and zod's messages, which
 * describe the expected shape and never quote the rejected input.
 */
export function parseStrategyConfig<S extends z.ZodType>(strategy: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'} ${issue.message}`);
  throw new AuthError('invalid_config', `${strategy}: invalid configuration: ${problems.join('; ')}`, {
    kind: 'permanent',
    reauthRequired: true,
  });
}
