/**
 * The bridge engine: what one captured event on one side does to the other side. Redeliveries,
 * reordering and our own copies coming back are all expected; the ledger makes each human message
 * cross once, edits apply newest-last, deletes follow, and a copy never crosses back.
 */
import type { CapturedMessageEvent } from '../registry/index.js';
import { textHash, type BridgeLedger, type LedgerEntry } from './ledger.js';
import { otherSide, type Bridge, type BridgeSide, type ChatPort, type HandleResult } from './types.js';

export interface EngineDeps {
  ledger: BridgeLedger;
  ports: Record<BridgeSide, ChatPort>;
}

export interface HandleOptions {
  /** On the last attempt, a reply whose root never crossed is posted as a top-level message. */
  threadFallback?: boolean;
}

/** The marker stamped on a copy: names the bridge, so capture can tell our copies apart. */
export const bridgeMarker = (bridgeId: string, side: BridgeSide, originId: string) => `forgeworks:${bridgeId}:${side}:${originId}`;

export async function handleBridgeEvent(bridge: Bridge, side: BridgeSide, event: CapturedMessageEvent, deps: EngineDeps, options: HandleOptions = {}): Promise<HandleResult> {
  if (event.fromSelf || event.bridgeMarker) return 'echo';
  const { ledger } = deps;
  if (await ledger.isCopy(bridge.id, side, event.messageId)) return 'echo';

  let { text, threadId, type } = event;
  if (type !== 'deleted' && text === undefined) {
    const fetched = await deps.ports[side].fetch?.({ channel: event.channel, id: event.messageId, threadId });
    if (fetched && (fetched.fromSelf || fetched.bridgeMarker)) return 'echo';
    if (fetched) ({ text, threadId } = { text: fetched.text, threadId: fetched.threadId ?? threadId });
    else type = 'deleted'; // gone before we could read it
  }

  const target = otherSide(side);
  const port = deps.ports[target];
  const channel = bridge[target].channel;

  return ledger.withOrigin(bridge.id, side, event.messageId, async (entry) => {
    if (entry?.state === 'deleted') return { result: 'ignored' as const };
    if (type === 'deleted') {
      if (entry?.copyId) await port.delete({ channel, id: entry.copyId });
      return { entry: { ...emptyEntry(), ...entry, state: 'deleted' as const, lastChangeAt: event.occurredAt }, result: 'deleted' as const };
    }
    const body = text ?? '';
    const hash = textHash(body);
    if (!entry?.copyId) {
      let copyThread: string | undefined;
      if (threadId && threadId !== event.messageId) {
        const root = await ledger.counterpart(bridge.id, side, threadId);
        if (!root && !options.threadFallback) return { result: 'deferred' as const };
        copyThread = root && !root.deleted && root.id ? root.id : undefined;
      }
      const marker = bridgeMarker(bridge.id, side, event.messageId);
      const sent = await port.send({ channel, text: body, threadId: copyThread, bridgeMarker: marker }, marker);
      return { entry: { copyId: sent.id, state: 'live' as const, textHash: hash, lastChangeAt: event.occurredAt }, result: 'posted' as const };
    }
    if (entry.lastChangeAt && Date.parse(event.occurredAt) < Date.parse(entry.lastChangeAt)) return { result: 'stale' as const };
    if (entry.textHash === hash) return { result: 'unchanged' as const };
    await port.update({ channel, id: entry.copyId }, { channel, text: body });
    return { entry: { ...entry, textHash: hash, lastChangeAt: event.occurredAt }, result: 'edited' as const };
  });
}

const emptyEntry = (): LedgerEntry => ({ copyId: null, state: 'live', textHash: null, lastChangeAt: null });
