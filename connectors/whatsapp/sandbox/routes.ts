/**
 * The Graph routes the connector uses: `POST /{version}/{phone-number-id}/messages` (validated
 * against Meta's schema, then against the account: the number, its allowed recipients, its
 * templates) and `GET /{version}/{phone-number-id}` (the phone number node, `fields` honoured).
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import { fail, fbtraceId, graphError, invalidParameter, notAllowedRecipient, parameterCount, unknownObject, unknownPath, unknownTemplate } from './errors.js';
import type { WhatsAppStore } from './store.js';
import type { MessageValidator } from './validate.js';

export const TEXT_LIMIT = 4096;

export interface RouteDeps {
  store: WhatsAppStore;
  validator: MessageValidator;
  /** A test number's allowed recipients (digits only); undefined for a production number. */
  allowedRecipients?: Set<string>;
  displayPhoneNumber: string;
}

type Body = Record<string, unknown>;

function graphHeaders(version: string): Record<string, string> {
  return { 'facebook-api-version': version, 'x-fb-request-id': fbtraceId(), 'x-fb-trace-id': fbtraceId() };
}

function checkVersion(req: SandboxRequest): string {
  const version = req.params.version ?? '';
  if (!/^v\d+\.\d+$/.test(version)) fail(unknownPath(req.path));
  return version;
}

function checkTemplate(store: WhatsAppStore, body: Body): void {
  const template = body.template as { name: string; language: { code: string }; components?: Array<{ type?: string; parameters?: unknown[] }> };
  const found = store.template(template.name, template.language.code);
  if (!found) fail(unknownTemplate(template.name, template.language.code));
  const given = (template.components ?? []).filter((c) => c.type === 'body').reduce((n, c) => n + (c.parameters?.length ?? 0), 0);
  if (given !== found.bodyParams) fail(parameterCount(found.bodyParams, given));
}

function send(deps: RouteDeps, req: SandboxRequest): SandboxResponse {
  const version = checkVersion(req);
  const { store } = deps;
  if (req.params.phoneNumberId !== store.phoneNumberId) fail(unknownObject(req.params.phoneNumberId ?? ''));
  // Graph ignores a body it cannot read as JSON: what is left lacks the first required parameter.
  if (req.body === undefined) fail(invalidParameter({ path: [], keyword: 'required', message: '', property: 'messaging_product' }));
  const problem = deps.validator.validate(req.body)[0];
  if (problem) fail(invalidParameter(problem));
  const body: Body = { recipient_type: 'individual', type: 'text', ...(req.body as Body) };
  if (body.messaging_product !== 'whatsapp') fail(graphError({ status: 400, code: 100, message: `(#100) Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".` }));
  const to = String(body.to);
  const waId = to.replace(/\D/g, '');
  if (waId.length < 7 || waId.length > 15) fail(graphError({ status: 400, code: 100, message: '(#100) Invalid parameter', details: 'Param to is not a valid phone number.' }));
  if (deps.allowedRecipients && !deps.allowedRecipients.has(waId)) fail(notAllowedRecipient());
  if (body.type === 'text') {
    const text = (body.text as { body?: string } | undefined)?.body;
    if (text === undefined || text === '') fail(graphError({ status: 400, code: 100, message: "(#100) The parameter text['body'] is required." }));
    if (text.length > TEXT_LIMIT) fail(graphError({ status: 400, code: 100, message: `(#100) Param text['body'] must be at most ${TEXT_LIMIT} characters long.` }));
  }
  if (body.type === 'template') checkTemplate(store, body);
  const sent = store.record({ phoneNumberId: store.phoneNumberId, to, waId, type: String(body.type), body: req.body as Body });
  return {
    status: 200, headers: graphHeaders(version),
    body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: sent.id, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }] },
  };
}

function phoneNumber(deps: RouteDeps, req: SandboxRequest): SandboxResponse {
  const version = checkVersion(req);
  if (req.params.phoneNumberId !== deps.store.phoneNumberId) fail(unknownObject(req.params.phoneNumberId ?? ''));
  const node: Body = {
    verified_name: 'Forgeworks Sandbox', code_verification_status: 'VERIFIED', display_phone_number: deps.displayPhoneNumber,
    quality_rating: 'GREEN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' }, id: deps.store.phoneNumberId,
  };
  const fields = req.query.fields?.split(',').map((f) => f.trim()).filter(Boolean);
  const answer = fields?.length ? Object.fromEntries(Object.entries(node).filter(([k]) => k === 'id' || fields.includes(k))) : node;
  return { status: 200, headers: graphHeaders(version), body: answer };
}

export function whatsappRoutes(server: SandboxServer<{ token: string }>, deps: RouteDeps): void {
  server.route('POST', '/:version/:phoneNumberId/messages', (req) => send(deps, req));
  server.route('GET', '/:version/:phoneNumberId', (req) => phoneNumber(deps, req));
}
