/**
 * The messaging conformance suite every destination that sends (SMS, chat, email, paging) runs
 * against its sandbox: a send is recorded under the id it returns; the idempotency key dedupes
 * where the vendor dedupes (each case says whether it does, and why not); a missing secret and an
 * invalid message fail before any HTTP call, naming the field; the vendor's refusals land in the
 * taxonomy (4xx validation with the vendor's fields, refused credentials permanent and never
 * retried, 429 retried after Retry-After, 5xx transient); and no secret reaches an error or a log.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildConnectorContext } from '../../src/connections/context.js';
import { isConnectorError, REDACT_PATHS, type ConnectorError } from '../../src/core/index.js';
import { ConnectorRegistry, type ConnectorDefinitionInput, type MessagingOperations, type OutboundMessage } from '../../src/registry/index.js';
import type { FaultRule, SandboxResponse, SandboxServer } from '../../src/sandbox/index.js';

export type MessagingErrorStatus = 400 | 401 | 422 | 429 | 500 | 503;

/** What a messaging sandbox hands the suite: where it runs, what it accepts, what it delivered. */
export interface MessagingSandbox {
  baseUrl: string;
  server: SandboxServer<unknown>;
  authMethodId: string;
  /** Every secret value here contains the canary the suite started the sandbox with. */
  credentials: Record<string, string>;
  config: Record<string, unknown>;
  /** Vendor ids of the messages (alerts, emails) the sandbox accepted for delivery, oldest first. */
  deliveredIds(): string[];
  /** Makes the credentials invalid, as a revoked token or deleted integration key is... */
  revokeCredentials(): void;
  /** ...and valid again, so the suite's order does not matter. */
  restoreCredentials(): void;
  /** The vendor's own answer for a status; `message` (when given) is echoed where the vendor puts its text. */
  errorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse;
  stop(): Promise<void>;
}

export interface MessagingConformanceCase {
  definition: ConnectorDefinitionInput;
  /** Starts the sandbox; every secret it hands out must contain `canary`. */
  start(options: { canary: string }): Promise<MessagingSandbox>;
  /** A valid message; `i` makes it unique (its own recipient, its own text). */
  validMessage(i: number): OutboundMessage;
  /** A message the connector refuses itself, and the field it names. */
  invalidMessage(): { message: OutboundMessage; field: string };
  /** The secret field whose absence must fail closed. */
  secretField: string;
  /** The status the vendor refuses content with, and the field `errorResponse(status)` names. */
  refusal: { status: 400 | 422; field: string };
  /** Whether sending twice with one idempotency key delivers once, and how or why not. */
  idempotency: { dedupes: true; how: string } | { dedupes: false; why: string };
}

interface MessagingHarness {
  send(message: OutboundMessage, idempotencyKey: string): Promise<{ id: string; raw?: unknown }>;
  logLines: string[];
}

let counter = 0;

/** A ctx wired to the sandbox as the runtime wires a stored connection (see harness.ts). */
async function messagingHarness(definition: ConnectorDefinitionInput, sandbox: MessagingSandbox, credentials: Record<string, string>): Promise<MessagingHarness> {
  const registered = new ConnectorRegistry().register(definition);
  const messaging = registered.messaging as MessagingOperations | undefined;
  if (!messaging) throw new Error(`${registered.id} declares no messaging operations`);
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  const logger = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, sink);
  const { ctx } = await buildConnectorContext({
    definition: registered, authMethodId: sandbox.authMethodId, config: sandbox.config, secrets: async () => ({ ...credentials }),
    tenant: { workspaceId: 'ws-messaging', connectionId: `messaging-${process.pid}-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true, logger,
  });
  return { send: (message, idempotencyKey) => messaging.send(ctx, message, { idempotencyKey }), logLines };
}

async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${error === undefined ? 'success' : String(error)}`);
  return error;
}

export function messagingConformance(c: MessagingConformanceCase): void {
  describe(`messaging conformance: ${String(c.definition.id)}`, () => {
    // Letters and digits only, so it fits every vendor's secret format.
    const canary = `fwcanary${randomBytes(6).toString('hex')}`;
    let sandbox: MessagingSandbox;
    let n = 0;
    const key = (label: string) => `${label}-${process.pid}-${Date.now()}-${++n}`;
    const harness = (credentials = sandbox.credentials) => messagingHarness(c.definition, sandbox, credentials);
    const inject = (status: MessagingErrorStatus, rule: Partial<FaultRule> = {}, message?: string) => {
      const answer = sandbox.errorResponse(status, message);
      sandbox.server.faults.add({ kind: 'status', status: answer.status, body: answer.body, headers: flat(answer.headers), ...rule });
    };
    const requests = () => sandbox.server.requestLog;

    beforeAll(async () => { sandbox = await c.start({ canary }); });
    afterAll(async () => sandbox?.stop());
    beforeEach(() => {
      sandbox.server.faults.clear();
      sandbox.server.clearLog();
      sandbox.restoreCredentials();
    });

    it('hands out secrets that carry the canary (so the leak check below means something)', () => {
      const secrets = Object.entries(sandbox.credentials).filter(([, v]) => v.includes(canary));
      expect(secrets.map(([k]) => k)).toContain(c.secretField);
    });

    it('sends a message and the sandbox records it under the returned id', async () => {
      const { send } = await harness();
      const result = await send(c.validMessage(1), key('send'));
      expect(result.id).toEqual(expect.any(String));
      expect(result.id.length).toBeGreaterThan(0);
      expect(sandbox.deliveredIds()).toContain(result.id);
      expect(requests()).toHaveLength(1);
    });

    const dedupeTitle = c.idempotency.dedupes
      ? `delivers once when the same idempotency key is sent twice (${c.idempotency.how})`
      : `delivers twice for a repeated idempotency key: the vendor has no dedupe (${c.idempotency.why})`;
    it(dedupeTitle, async () => {
      const { send } = await harness();
      const before = sandbox.deliveredIds().length;
      const idempotencyKey = key('dedupe');
      const first = await send(c.validMessage(2), idempotencyKey);
      const second = await send(c.validMessage(2), idempotencyKey);
      const delivered = sandbox.deliveredIds().slice(before);
      if (c.idempotency.dedupes) {
        expect(second.id).toBe(first.id);
        expect(delivered).toEqual([first.id]);
      } else {
        expect(second.id).not.toBe(first.id);
        expect(delivered).toEqual([first.id, second.id]);
      }
    });

    it('fails closed without its secret, naming the field, before any HTTP call', async () => {
      const without = { ...sandbox.credentials };
      delete without[c.secretField];
      const error = await (async () => { const { send } = await harness(without); await send(c.validMessage(3), key('nosecret')); })().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(c.secretField);
      if (isConnectorError(error)) expect(error.kind).toBe('permanent');
      expect(requests()).toHaveLength(0);
    });

    it('refuses an invalid message as a validation error naming the field, before any HTTP call', async () => {
      const { send } = await harness();
      const bad = c.invalidMessage();
      const error = await failure(() => send(bad.message, key('invalid')));
      expect(error.kind).toBe('validation');
      expect(error.fields.map((f) => f.field)).toContain(bad.field);
      expect(error.message).toContain(bad.field);
      expect(requests()).toHaveLength(0);
    });

    it(`maps the vendor's ${c.refusal.status} to a validation error with the vendor's fields, without retrying`, async () => {
      const { send } = await harness();
      inject(c.refusal.status, { times: 1 });
      const error = await failure(() => send(c.validMessage(4), key('refused')));
      expect(error.kind).toBe('validation');
      expect(error.status).toBe(c.refusal.status);
      expect(error.fields.map((f) => f.field)).toContain(c.refusal.field);
      expect(requests()).toHaveLength(1);
    });

    it('treats refused credentials as permanent and never retries them', async () => {
      const { send } = await harness();
      sandbox.revokeCredentials();
      const error = await failure(() => send(c.validMessage(5), key('revoked')));
      expect(error.kind).toBe('permanent');
      expect(requests()).toHaveLength(1);
    });

    it('retries a 429 after its Retry-After and then succeeds', async () => {
      const { send } = await harness();
      inject(429, { times: 1, retryAfterSeconds: 1 });
      const result = await send(c.validMessage(6), key('limited'));
      const [refused, accepted] = requests();
      expect(refused?.status).toBe(429);
      expect(accepted?.status).toBeLessThan(300);
      expect(accepted!.time - refused!.time).toBeGreaterThanOrEqual(950);
      expect(sandbox.deliveredIds()).toContain(result.id);
    });

    it('reports a vendor 5xx as transient', async () => {
      const { send } = await harness();
      inject(500);
      const error = await failure(() => send(c.validMessage(7), key('broken')));
      expect(error.kind).toBe('transient');
      expect(error.status).toBe(500);
      // A 500 may have delivered: only a vendor that dedupes may be asked again.
      if (!c.idempotency.dedupes) expect(requests()).toHaveLength(1);
      else expect(requests().length).toBeGreaterThan(1);
    });

    it('never lets a secret reach an error, a result or a log line, even when the vendor echoes it', async () => {
      const secrets = Object.values(sandbox.credentials).filter((v) => v.includes(canary));
      const seen: string[] = [];
      const logLines: string[] = [];
      // A fresh connection per step: repeated 5xx may open the first one's circuit breaker.
      for (const status of [c.refusal.status, 401, 500] as const) {
        const h = await harness();
        sandbox.server.faults.clear();
        inject(status, {}, `echo ${secrets.join(' ')}`);
        const error = await failure(() => h.send(c.validMessage(8), key('echo')));
        seen.push(error.message, JSON.stringify(error.toJSON()), String(error.stack));
        logLines.push(...h.logLines);
      }
      sandbox.server.faults.clear();
      const clean = await harness();
      seen.push(JSON.stringify(await clean.send(c.validMessage(9), key('clean'))));
      logLines.push(...clean.logLines);
      const missing = { ...sandbox.credentials };
      delete missing[c.secretField];
      seen.push(String(await (async () => { const h = await harness(missing); await h.send(c.validMessage(10), key('missing')); })().catch((e: unknown) => (e as Error).message)));
      const leaked = [...seen, ...logLines].filter((text) => text.includes(canary));
      expect(leaked).toEqual([]);
      expect(logLines.length).toBeGreaterThan(0);
    });
  });
}

function flat(headers: SandboxResponse['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}
