/**
 * Starts the WhatsApp Cloud API stand-in: one business phone number in one WhatsApp Business
 * Account, its token, its templates, Meta's send limits, and Graph's answers for unknown paths.
 */
import { randomBytes } from 'node:crypto';
import { SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { TokenBook } from './auth.js';
import { invalidParameter, unknownPath } from './errors.js';
import { whatsappLimiters, type LimitOptions } from './limits.js';
import { whatsappRoutes } from './routes.js';
import { DEFAULT_TEMPLATES, WhatsAppStore, type Template } from './store.js';
import { MessageValidator } from './validate.js';

export interface WhatsAppSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** The system user token accepted. @default a random `EAAJ…` token */
  accessToken?: string;
  /** @default '106540352242922' */
  phoneNumberId?: string;
  /** @default '102290129340398' */
  wabaId?: string;
  /** @default hello_world (no parameters) and order_update (two) */
  templates?: Template[];
  /** A test number's allowed recipients (E.164 or digits); others get 131030. @default any recipient */
  allowedRecipients?: string[];
  /** @default Meta's: 80 a second, 45 to one recipient in 6 s */
  limits?: LimitOptions;
  /** @default systemClock */
  clock?: Clock;
}

export interface WhatsAppSandbox {
  baseUrl: string;
  accessToken: string;
  phoneNumberId: string;
  server: SandboxServer<{ token: string }>;
  store: WhatsAppStore;
  revoke(): void;
  restore(): void;
  stop(): Promise<void>;
}

export async function startWhatsAppSandbox(options: WhatsAppSandboxOptions = {}): Promise<WhatsAppSandbox> {
  const clock = options.clock ?? systemClock;
  const wabaId = options.wabaId ?? '102290129340398';
  const store = new WhatsAppStore(clock, options.phoneNumberId ?? '106540352242922', wabaId, options.templates ?? DEFAULT_TEMPLATES);
  const tokens = new TokenBook(options.accessToken ?? `EAAJ${randomBytes(90).toString('base64url').replace(/[-_]/g, 'Z')}`);
  const server = new SandboxServer<{ token: string }>({
    name: 'WhatsApp Cloud API', clock,
    auth: (req) => tokens.check(req),
    rateLimit: whatsappLimiters(clock, wabaId, options.limits),
    notFound: (req) => unknownPath(req.path),
    invalidBody: () => invalidParameter({ path: [], keyword: 'required', message: '', property: 'messaging_product' }),
  });
  const allowed = options.allowedRecipients ? new Set(options.allowedRecipients.map((n) => n.replace(/\D/g, ''))) : undefined;
  whatsappRoutes(server, { store, validator: new MessageValidator(), allowedRecipients: allowed, displayPhoneNumber: '+1 555-010-0001' });
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl, accessToken: tokens.token, phoneNumberId: store.phoneNumberId, server, store,
    revoke: () => tokens.revoke(), restore: () => tokens.restore(), stop: () => server.stop(),
  };
}

