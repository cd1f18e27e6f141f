/**
 * Starts the SendGrid v3 stand-in: one API key (with Mail Send), the verified Sender Identities,
 * SendGrid's rate-limit headers, its 404 and its answer to a body that is not JSON.
 */
import { randomBytes } from 'node:crypto';
import { SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { KeyRing, type Principal } from './auth.js';
import { notFound, sendgridErrors } from './errors.js';
import { sendgridLimiters } from './limits.js';
import { sendgridRoutes } from './routes.js';
import { SendGridStore } from './store.js';
import { MailSendValidator } from './validate.js';

export const DEFAULT_SENDER = 'alerts@forgeworks.example';

export interface SendGridSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default a random `SG.…` key */
  apiKey?: string;
  /** @default ['mail.send', 'scopes.read'] */
  scopes?: string[];
  /** Single senders verified on the account. @default ['alerts@forgeworks.example'] */
  verifiedSenders?: string[];
  /** Domains authenticated on the account: any address at them may send. @default none */
  authenticatedDomains?: string[];
  /** Requests a minute per key before a 429; false for none. @default 600 (an assumption) */
  requestsPerMinute?: number | false;
  /** @default systemClock */
  clock?: Clock;
}

export interface SendGridSandbox {
  baseUrl: string;
  apiKey: string;
  server: SandboxServer<Principal>;
  store: SendGridStore;
  revoke(): void;
  restore(): void;
  stop(): Promise<void>;
}

export async function startSendGridSandbox(options: SendGridSandboxOptions = {}): Promise<SendGridSandbox> {
  const clock = options.clock ?? systemClock;
  const apiKey = options.apiKey ?? `SG.${randomBytes(16).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  const keys = new KeyRing(new Map([[apiKey, options.scopes ?? ['mail.send', 'scopes.read']]]));
  const store = new SendGridStore(clock, new Set((options.verifiedSenders ?? [DEFAULT_SENDER]).map((s) => s.toLowerCase())), new Set(options.authenticatedDomains ?? []));
  const server = new SandboxServer<Principal>({
    name: 'SendGrid', clock, auth: (req) => keys.check(req), rateLimit: sendgridLimiters(clock, options.requestsPerMinute ?? 600),
    notFound: () => notFound(),
    invalidBody: () => sendgridErrors(400, [{ message: 'Bad Request', field: null, help: null }]),
  });
  sendgridRoutes(server, store, new MailSendValidator());
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl, apiKey, server, store,
    revoke: () => keys.revoke(apiKey), restore: () => keys.restore(apiKey), stop: () => server.stop(),
  };
}
