/**
 * The routes the connector (and twilio-node) use: Create Message, validated against Twilio's
 * schema and then against the account (its numbers and services, Twilio's conditional
 * parameters, the test credentials' magic numbers); Fetch Message; Fetch Account.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { Principal } from './auth.js';
import {
  bodyRequired, bodyTooLong, fail, fromRequired, invalidFrom, invalidParameter, invalidTo, MAGIC_RECIPIENTS, notFound, notOwnedFrom, requestHeaders, toRequired, unknownService,
} from './errors.js';
import { rfc2822, type TwilioStore } from './store.js';
import type { MessageFormValidator } from './validate.js';

const ADDRESS = /^(whatsapp:|messenger:)?\+?[1-9]\d{6,14}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const SHORT_CODE = /^\d{5,6}$/;

export interface RouteDeps {
  store: TwilioStore;
  validator: MessageFormValidator;
  friendlyName: string;
  authToken: string;
}

function ownAccount(deps: RouteDeps, req: SandboxRequest<Principal>): void {
  // Another account's resources are not found, whoever asks.
  if (req.params.accountSid !== req.auth.accountSid || req.params.accountSid !== deps.store.accountSid) fail(notFound(req.path));
}

/** `messaging_service_sid` → `MessagingServiceSid`, the form's own spelling. */
const formName = (snake: string) => snake.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const present = (value: unknown) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

const strings = (value: unknown): string[] => (value === undefined ? [] : [value].flat().map(String));

function checkFrom(store: TwilioStore, from: string): void {
  const number = from.replace(/^(whatsapp|messenger):/, '');
  if (ALPHANUMERIC_SENDER.test(from) || SHORT_CODE.test(from)) return;
  if (!ADDRESS.test(from)) fail(invalidFrom(from));
  if (!store.numbers.has(number)) fail(notOwnedFrom(from));
}

function create(deps: RouteDeps, req: SandboxRequest<Principal>): SandboxResponse {
  ownAccount(deps, req);
  const form = (req.body ?? {}) as Record<string, unknown>;
  const { problems, values } = deps.validator.validate(form);
  const problem = problems[0];
  if (problem) fail(problem.param === 'To' && problem.keyword === 'required' ? toRequired() : invalidParameter(problem.param, problem.message));
  const to = String(values.To);
  const from = values.From === undefined ? null : String(values.From);
  const service = values.MessagingServiceSid === undefined ? null : String(values.MessagingServiceSid);
  const body = values.Body === undefined ? '' : String(values.Body);
  const media = strings(values.MediaUrl);
  // Twilio's x-twilio.conditional (`[[from, messaging_service_sid], [body, media_url, content_sid]]`): one of each group.
  for (const group of deps.validator.spec.conditional) {
    if (group.some((name) => present(values[formName(name)]))) continue;
    fail(group.includes('from') ? fromRequired() : bodyRequired());
  }
  if (!ADDRESS.test(to)) fail(invalidTo(to));
  const magic = MAGIC_RECIPIENTS[to];
  if (magic) fail(magic());
  if (from) checkFrom(deps.store, from);
  if (service && !deps.store.services.has(service)) fail(unknownService(service));
  if ([...body].length > 1600) fail(bodyTooLong());
  // With a Messaging Service and no From, Twilio picks the sender later: the message is `accepted`.
  const stored = deps.store.create({ to, from, messagingServiceSid: service, body, mediaUrls: media, status: from ? 'queued' : 'accepted', form });
  return { status: 201, headers: requestHeaders(), body: deps.store.render(stored) };
}

function fetchMessage(deps: RouteDeps, req: SandboxRequest<Principal>): SandboxResponse {
  ownAccount(deps, req);
  const message = deps.store.find(req.params.messageSid ?? '');
  if (!message) fail(notFound(req.path));
  return { status: 200, headers: requestHeaders(), body: deps.store.render(message) };
}

function fetchAccount(deps: RouteDeps, req: SandboxRequest<Principal>): SandboxResponse {
  ownAccount(deps, req);
  const sid = deps.store.accountSid;
  const created = rfc2822(Date.UTC(2024, 0, 15, 9, 30));
  return {
    status: 200, headers: requestHeaders(),
    body: {
      auth_token: deps.authToken, date_created: created, date_updated: created, friendly_name: deps.friendlyName, owner_account_sid: sid, sid, status: 'active',
      subresource_uris: { messages: `/2010-04-01/Accounts/${sid}/Messages.json` }, type: 'Full', uri: `/2010-04-01/Accounts/${sid}.json`,
    },
  };
}

export function twilioRoutes(server: SandboxServer<Principal>, deps: RouteDeps): void {
  server.route('POST', '/2010-04-01/Accounts/:accountSid/Messages.json', (req) => create(deps, req));
  server.route('GET', '/2010-04-01/Accounts/:accountSid/Messages/:messageSid.json', (req) => fetchMessage(deps, req));
  server.route('GET', '/2010-04-01/Accounts/:accountSid.json', (req) => fetchAccount(deps, req));
}
