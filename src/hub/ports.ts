/** Binds a connection's messaging operations to a ChatPort, with a fresh ctx for each call. */
import type { ConnectionService } from '../connections/index.js';
import type { MessagingOperations } from '../registry/index.js';
import type { ChatPort } from './types.js';

export async function chatPortFor(connections: ConnectionService, connectionId: string): Promise<ChatPort> {
  const { ctx, definition } = await connections.contextFor(connectionId);
  const ops = definition.messaging as MessagingOperations | undefined;
  if (!ops?.update || !ops.delete) throw new Error(`${definition.id} cannot be bridged: it has no message update or delete`);
  const { update, delete: remove, fetch } = ops;
  return {
    send: (message, idempotencyKey) => ops.send(ctx, message, { idempotencyKey }),
    update: (ref, message) => update(ctx, ref, message),
    delete: (ref) => remove(ctx, ref),
    ...(fetch ? { fetch: (ref: Parameters<typeof fetch>[1]) => fetch(ctx, ref) } : {}),
  };
}
