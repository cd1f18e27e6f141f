/**
 * Starts the Twilio Messaging stand-in: one account (auth token and an API key), the number
 * Twilio's test credentials send from, one Messaging Service, Twilio's 404 and 429 answers.
 */
import { SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { KeyRing, type Principal } from './auth.js';
import { notFound, twilioError } from './errors.js';
import { twilioLimiters } from './limits.js';
import { twilioRoutes } from './routes.js';
import { sid, TwilioStore } from './store.js';
import { MessageFormValidator } from './validate.js';

/** The From number Twilio's test credentials accept (twilio.com/docs/iam/test-credentials). */
export const TEST_FROM = '+15005550006';

export interface TwilioSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default a random AC… SID */
  accountSid?: string;
  /** @default 32 random hex digits */
  authToken?: string;
  /** @default a random SK… SID and secret */
  apiKey?: { sid: string; secret: string };
  /** Numbers the account owns and may send from. @default ['+15005550006'] */
  numbers?: string[];
  /** @default one random MG… SID */
  messagingServiceSids?: string[];
  /** Requests a second per account before 20429 (standing in for 100 concurrent); false for none. @default 100 */
  requestsPerSecond?: number | false;
  /** @default systemClock */
  clock?: Clock;
}

export interface TwilioSandbox {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  from: string;
  messagingServiceSid: string;
  server: SandboxServer<Principal>;
  store: TwilioStore;
  revoke(): void;
  restore(): void;
  stop(): Promise<void>;
}

export async function startTwilioSandbox(options: TwilioSandboxOptions = {}): Promise<TwilioSandbox> {
  const clock = options.clock ?? systemClock;
  const accountSid = options.accountSid ?? sid('AC');
  const authToken = options.authToken ?? sid('').slice(0, 32);
  const apiKey = options.apiKey ?? { sid: sid('SK'), secret: sid('').slice(0, 32) };
  const services = options.messagingServiceSids ?? [sid('MG')];
  const numbers = options.numbers ?? [TEST_FROM];
  const store = new TwilioStore(clock, accountSid, numbers, services);
  const keys = new KeyRing(accountSid, authToken, apiKey.sid, apiKey.secret);
  const server = new SandboxServer<Principal>({
    name: 'Twilio', clock, auth: (req) => keys.check(req), rateLimit: twilioLimiters(clock, options.requestsPerSecond ?? 100),
    notFound: (req) => notFound(req.path),
    invalidBody: () => twilioError(400, 20001, 'Invalid parameter: the body must be application/x-www-form-urlencoded'),
  });
  twilioRoutes(server, { store, validator: new MessageFormValidator(), friendlyName: 'Forgeworks Sandbox', authToken });
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl, accountSid, authToken, apiKeySid: apiKey.sid, apiKeySecret: apiKey.secret, from: numbers[0]!, messagingServiceSid: services[0]!, server, store,
    revoke: () => keys.revoke(), restore: () => keys.restore(), stop: () => server.stop(),
  };
}
