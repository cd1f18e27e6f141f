/**
 * Push subscriptions for bridge ends whose vendor needs one (Graph change notifications): made
 * when a bridge is created, renewed by the scheduler tick well before they expire (Graph keeps a
 * channel-message subscription for an hour at most), re-made when the vendor has dropped one.
 */
import type { ConnectionService } from '../connections/index.js';
import type { CredentialBackend } from '../credentials/backend.js';
import type { MessagingOperations } from '../registry/index.js';
import type { BridgeStore, StoredBridge } from './store.js';

/** Renew when less than this is left. */
export const RENEW_BEFORE_MS = 20 * 60_000;

export interface SubscriptionDeps {
  connections: ConnectionService;
  credentials: CredentialBackend;
  bridges: BridgeStore;
}

export const notificationUrlFor = (publicUrl: string, connectionId: string) => `${publicUrl.replace(/\/$/, '')}/hooks/messaging/${connectionId}`;

/** Subscribes or renews each end of `bridge` that needs it; answers the sides it touched. */
export async function ensureSubscriptions(deps: SubscriptionDeps, bridge: StoredBridge, publicUrl: string | undefined, nowMs = Date.now()): Promise<string[]> {
  const touched: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const end = bridge[side];
    const { ctx, definition } = await deps.connections.contextFor(end.connectionId);
    const subscribe = (definition.messaging as MessagingOperations | undefined)?.subscribe;
    if (!subscribe) continue;
    const existing = bridge.subscriptions[side];
    if (existing && Date.parse(existing.expiresAt) - nowMs > RENEW_BEFORE_MS) continue;
    if (!publicUrl) throw new Error(`${definition.id} pushes only to a subscribed URL, and the platform does not know its public URL (set FORGE_PUBLIC_URL)`);
    const secrets = (await deps.credentials.read({ workspaceId: bridge.workspaceId, connectionId: end.connectionId }))?.secrets ?? {};
    const subscription = await subscribe(ctx, {
      channel: end.channel, notificationUrl: notificationUrlFor(publicUrl, end.connectionId), clientState: secrets.clientState ?? '', existing,
    });
    await deps.bridges.saveSubscription(bridge.id, side, subscription);
    touched.push(side);
  }
  return touched;
}
