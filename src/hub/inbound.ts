/**
 * An inbound delivery for a chat connection (`POST /hooks/messaging/:connectionId`): the
 * connector's `capture` checks it against the connection's secrets (signature, timestamp,
 * clientState) before anything else happens; handshakes are answered verbatim; events go to
 * every enabled bridge listening on their channel, as hub jobs. A refusal is logged with its
 * reason, scrubbed of every secret of the connection, and never processed.
 */
import type pg from 'pg';
import { createScrubber, type Logger } from '../core/index.js';
import type { CredentialBackend } from '../credentials/backend.js';
import type { CapturedMessageEvent, ConnectorRegistry, InboundRequest, MessagingOperations } from '../registry/index.js';
import type { BridgeStore } from './store.js';
import type { BridgeSide } from './types.js';

export interface HubEventJob {
  bridgeId: string;
  side: BridgeSide;
  event: CapturedMessageEvent;
}

export interface InboundDeps {
  pool: pg.Pool;
  registry: ConnectorRegistry;
  credentials: CredentialBackend;
  bridges: BridgeStore;
  logger: Logger;
  /** Queues a job (pg-boss), or handles it inline when there is no queue. */
  dispatch(job: HubEventJob): Promise<void>;
}

export interface InboundAnswer {
  status: number;
  contentType: string;
  body: string;
}

const notFound: InboundAnswer = { status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'no chat connection here' } }) };

export async function handleInbound(deps: InboundDeps, connectionId: string, request: InboundRequest): Promise<InboundAnswer> {
  const { rows } = await deps.pool.query<{ workspace_id: string; connector_id: string; config: Record<string, unknown>; status: string }>(
    'select workspace_id, connector_id, config, status from connections where id = $1', [connectionId]);
  const connection = rows[0];
  const capture = connection && deps.registry.has(connection.connector_id)
    ? (deps.registry.get(connection.connector_id).messaging as MessagingOperations | undefined)?.capture : undefined;
  if (!connection || !capture) return notFound;

  const secrets = (await deps.credentials.read({ workspaceId: connection.workspace_id, connectionId }))?.secrets ?? {};
  const outcome = await capture(request, { secrets, config: connection.config, nowMs: Date.now() });
  const log = deps.logger.child({ connection: connectionId, connector: connection.connector_id });
  if (outcome.kind === 'refused') {
    const scrub = createScrubber(Object.values(secrets));
    log.warn({ reason: scrub(outcome.reason), status: outcome.status }, 'inbound delivery refused');
    return { status: outcome.status, contentType: 'application/json', body: JSON.stringify({ error: { code: 'refused', message: scrub(outcome.reason) } }) };
  }
  if (outcome.kind === 'reply') return { status: outcome.status, contentType: outcome.contentType, body: outcome.body };

  let routed = 0;
  for (const event of outcome.events) {
    for (const { bridge, side } of await deps.bridges.listening(connectionId, event.channel)) {
      await deps.dispatch({ bridgeId: bridge.id, side, event });
      routed += 1;
    }
  }
  log.debug({ events: outcome.events.length, routed }, 'inbound delivery accepted');
  return { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true }) };
}
