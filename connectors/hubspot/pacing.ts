/**
 * HubSpot's search endpoints have a limit of their own, 5 requests per second per account, apart
 * from the ten-secondly one the definition declares (the platform declares one bucket). Search
 * pages come back in milliseconds, so a read would trip it; calls are spaced 250 ms apart per
 * connection instead (a margin for transit jitter against a per-second window), and the
 * executor's retry covers other clients of the same account.
 */
import { sleep } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';

/** @default 250 ms: four a second, under HubSpot's five */
export const SEARCH_INTERVAL_MS = 250;

const nextSlot = new Map<string, number>();

export async function paceSearch(ctx: ConnectorContext): Promise<void> {
  const key = `${ctx.tenant.workspaceId}:${ctx.tenant.connectionId}`;
  const now = Date.now();
  const slot = Math.max(now, nextSlot.get(key) ?? 0);
  nextSlot.set(key, slot + SEARCH_INTERVAL_MS);
  if (slot > now) await sleep(slot - now, ctx.signal);
}
