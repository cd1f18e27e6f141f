/**
 * The routes the connector (and the postmark client) use: `POST /email`, checked as Postmark
 * checks a message (its shape, the stream, the Sender Signature, inactive recipients) and
 * answered `{ To, SubmittedAt, MessageID, ErrorCode: 0, Message: "OK" }`; `GET /server`.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { Principal } from './auth.js';
import { fail, inactiveRecipients, invalidJson, invalidRequest, notASenderSignature, unknownStream } from './errors.js';
import type { PostmarkStore } from './store.js';
import { addresses, emailProblem } from './validate.js';

const MAX_BYTES = 10 * 1024 * 1024;

function send(store: PostmarkStore, req: SandboxRequest<Principal>): SandboxResponse {
  if (req.rawBody.length > MAX_BYTES) return { status: 413, headers: { 'content-type': 'application/json' }, body: { ErrorCode: 413, Message: 'Payload too large: the Email API takes up to 10 MB.' } };
  if (req.body === undefined) fail(invalidJson());
  const problem = emailProblem(req.body);
  if (problem) fail(invalidRequest(problem));
  const body = req.body as Record<string, unknown>;
  const stream = typeof body.MessageStream === 'string' && body.MessageStream !== '' ? body.MessageStream : 'outbound';
  if (!store.streams.has(stream)) fail(unknownStream(stream));
  const from = addresses(body.From)[0]!;
  if (!store.isSignature(from)) fail(notASenderSignature(from));
  const recipients = [...addresses(body.To), ...addresses(body.Cc), ...addresses(body.Bcc)];
  const inactive = recipients.filter((r) => store.inactive.has(r.toLowerCase()));
  if (inactive.length > 0) fail(inactiveRecipients(inactive));
  const to = String(body.To);
  if (req.auth.test) {
    // The POSTMARK_API_TEST token: a valid request is answered as sent, and nothing is delivered.
    store.testSends.push(body);
    return { status: 200, body: { To: to, SubmittedAt: new Date(store.clock.now()).toISOString(), MessageID: '00000000-0000-0000-0000-000000000000', ErrorCode: 0, Message: 'Test job accepted' } };
  }
  const sent = store.accept(stream, to, body);
  return { status: 200, body: { To: to, SubmittedAt: sent.submittedAt, MessageID: sent.messageId, ErrorCode: 0, Message: 'OK' } };
}

export function postmarkRoutes(server: SandboxServer<Principal>, store: PostmarkStore): void {
  server.route('POST', '/email', (req) => send(store, req));
  server.route('GET', '/server', () => ({
    status: 200,
    body: { ID: store.server.id, Name: store.server.name, ApiTokens: ['[hidden]'], Color: 'blue', SmtpApiActivated: true, RawEmailEnabled: false, DeliveryType: 'Live', InboundAddress: '', TrackOpens: false, TrackLinks: 'None' },
  }));
}
