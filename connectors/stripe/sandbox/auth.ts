/**
 * Stripe's authentication: the secret key as a Bearer token, or as the Basic user with an empty
 * password (docs.stripe.com/api/authentication). A refused key is named only masked, as Stripe
 * masks it, so the key never travels back in an error.
 */
import { randomBytes } from 'node:crypto';
import { basicCredentials, bearerToken, type AuthHook, type SandboxResponse } from '../../../src/sandbox/index.js';
import { errorBody, maskKey } from './errors.js';

export interface StripePrincipal {
  key: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(length: number): string {
  return [...randomBytes(length)].map((b) => BASE62[b % 62]).join('');
}

export function newRequestId(): string {
  return `req_${randomBase62(14)}`;
}

/** The account's keys: an expired (rolled) key is refused with its own message. */
export class KeyRing {
  private readonly keys = new Map<string, 'active' | 'expired'>();

  add(key: string): string {
    this.keys.set(key, 'active');
    return key;
  }

  expire(key: string): void {
    if (this.keys.has(key)) this.keys.set(key, 'expired');
  }

  state(key: string): 'active' | 'expired' | undefined {
    return this.keys.get(key);
  }
}

const NO_KEY = "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

export function unauthorized(message: string, code?: string): SandboxResponse {
  return {
    status: 401,
    headers: { 'request-id': newRequestId(), 'www-authenticate': 'Basic realm="Stripe"' },
    body: errorBody({ type: 'invalid_request_error', message, code }),
  };
}

export function invalidKeyResponse(key: string): SandboxResponse {
  return unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
}

export function stripeAuth(ring: KeyRing): AuthHook<StripePrincipal> {
  return (req) => {
    const key = bearerToken(req) ?? basicCredentials(req)?.username;
    if (!key) return { ok: false, response: unauthorized(NO_KEY) };
    const state = ring.state(key);
    if (state === 'expired') return { ok: false, response: unauthorized(`Expired API Key provided: ${maskKey(key)}`, 'api_key_expired') };
    if (state !== 'active') return { ok: false, response: invalidKeyResponse(key) };
    return { ok: true, principal: { key } };
  };
}
