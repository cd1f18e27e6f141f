/**
 * The routes the connector (and @sendgrid/mail) use: `POST /v3/mail/send`, validated against
 * SendGrid's schema and then against the rules its Mail Send reference states (content order,
 * `reply_to` xor `reply_to_list`, unique recipients, 1,000 recipients, 30 MB, a verified
 * sender); `GET /v3/scopes`.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { Principal } from './auth.js';
import { accessForbidden, fail, payloadTooLarge, sendgridErrors, unverifiedSender } from './errors.js';
import type { SendGridStore } from './store.js';
import { help, type MailError, type MailSendValidator } from './validate.js';

const MAX_BYTES = 30 * 1024 * 1024;
type Body = Record<string, unknown>;
type Address = { email: string };
interface Personalization { to?: Address[]; cc?: Address[]; bcc?: Address[]; from?: Address }

const problem = (field: string, message: string): MailError => ({ message, field, help: help(field) });

function ruleProblems(body: Body): MailError[] {
  const problems: MailError[] = [];
  const content = (body.content as Array<{ type: string }> | undefined) ?? [];
  const types = content.map((c) => c.type);
  if (types.filter((t) => t === 'text/plain').length > 1 || types.filter((t) => t === 'text/html').length > 1) problems.push(problem('content', 'If present, text/plain and text/html may only be provided once.'));
  // text/plain first, then text/html, then anything else: the ranks never go down.
  const ranks = types.map((t) => (t === 'text/plain' ? 0 : t === 'text/html' ? 1 : 2));
  if (ranks.some((r, i) => i > 0 && r < ranks[i - 1]!)) problems.push(problem('content', 'The text/plain content type must be first, followed by text/html, then any other content.'));
  if (body.reply_to !== undefined && body.reply_to_list !== undefined) problems.push(problem('reply_to', 'reply_to is mutually exclusive with reply_to_list.'));
  const personalizations = (body.personalizations as Personalization[] | undefined) ?? [];
  let total = 0;
  personalizations.forEach((p, i) => {
    const all = [...(p.to ?? []), ...(p.cc ?? []), ...(p.bcc ?? [])].map((a) => a.email.toLowerCase());
    total += all.length;
    if (new Set(all).size !== all.length) problems.push(problem(`personalizations.${i}`, 'Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [' + all.find((a, j) => all.indexOf(a) !== j) + '] in the personalizations.' + i + ' field.'));
  });
  if (total > 1000) problems.push(problem('personalizations', 'The total number of recipients must be less than 1000. This includes all recipients defined within the to, cc, and bcc parameters, across each object that you include in the personalizations array.'));
  return problems;
}

function mailSend(store: SendGridStore, validator: MailSendValidator, req: SandboxRequest<Principal>): SandboxResponse {
  if (req.rawBody.length > MAX_BYTES) fail(payloadTooLarge());
  if (!req.auth.scopes.includes('mail.send')) fail(accessForbidden());
  const schemaProblems = validator.validate(req.body);
  if (schemaProblems.length > 0) fail(sendgridErrors(400, schemaProblems));
  const body = req.body as Body;
  const rules = ruleProblems(body);
  if (rules.length > 0) fail(sendgridErrors(400, rules));
  const personalizations = body.personalizations as Personalization[];
  const senders = [(body.from as Address).email, ...personalizations.flatMap((p) => (p.from ? [p.from.email] : []))];
  if (!senders.every((s) => store.isVerified(s))) fail(unverifiedSender());
  // Sandbox mode: SendGrid validates the mail and answers 200 without delivering it.
  if ((body.mail_settings as { sandbox_mode?: { enable?: boolean } } | undefined)?.sandbox_mode?.enable) {
    store.validatedOnly.push(body);
    return { status: 200 };
  }
  const recipients = personalizations.flatMap((p) => [...(p.to ?? []), ...(p.cc ?? []), ...(p.bcc ?? [])].map((a) => a.email));
  const mail = store.accept(body, recipients);
  return { status: 202, headers: { 'x-message-id': mail.messageId } };
}

export function sendgridRoutes(server: SandboxServer<Principal>, store: SendGridStore, validator: MailSendValidator): void {
  server.route('POST', '/v3/mail/send', (req) => mailSend(store, validator, req));
  server.route('GET', '/v3/scopes', (req) => ({ status: 200, body: { scopes: req.auth.scopes } }));
}
