import { z } from 'zod';
import { AuthError } from './auth-error.js';
import type { Clock } from './types.js';

/** RFC 6749 §5.1 success body. Unknown fields pass through: Salesforce adds `instance_url`. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  // Some vendors send the lifetime as a string ("3600").
  expires_in: z.union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

/** RFC 6749 §5.2 error body. */
export const tokenErrorSchema = z.looseObject({
  error: z.string().min(1),
  error_description: z.string().optional(),
});

export interface TokenSet {
  accessToken: string;
  /** @default 'Bearer' when the vendor omits it */
  tokenType: string;
  /** Epoch milliseconds; undefined when the vendor did not say. */
  expiresAt: number | undefined;
  /** Only present when the vendor issued (or rotated) one; otherwise keep the previous one. */
  refreshToken: string | undefined;
  scope: string | undefined;
  /** Every other field of the response, minus tokens (e.g. `instance_url`, `id`). */
  extra: Record<string, unknown>;
}

// Fields that are credentials and must not ride along in `extra`, where they might be logged.
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token']);

/** Token endpoints answer JSON, but some (GitHub without Accept) answer a form; take either. */
export function decodeTokenBody(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.includes('=') ? Object.fromEntries(new URLSearchParams(text)) : text;
  }
}

export interface ParseTokenOptions {
  /** @default Date.now */
  now?: Clock;
  /** Who answered, for the error message: "Token refresh to login.example.com". @default 'Token response' */
  source?: string;
}

/** Parses a successful token response. Names the missing or malformed fields, never their values. */
export function parseTokenResponse(body: unknown, options: ParseTokenOptions = {}): TokenSet {
  const now = options.now ?? Date.now;
  const decoded = decodeTokenBody(body);
  const parsed = tokenResponseSchema.safeParse(decoded);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
    throw new AuthError(
      'token_response_invalid',
      `${options.source ?? 'Token response'} answered without a usable token: missing or has invalid field(s): ${fields.join(', ')}`,
      { kind: 'permanent' },
    );
  }
  const { access_token, token_type, expires_in, refresh_token, scope, ...rest } = parsed.data;
  const extra = Object.fromEntries(Object.entries(rest).filter(([key]) => !SECRET_FIELDS.has(key)));
  return {
    accessToken: access_token,
    tokenType: token_type ?? 'Bearer',
    expiresAt: expires_in === undefined ? undefined : now() + expires_in * 1000,
    refreshToken: refresh_token,
    scope,
    extra,
  };
}
