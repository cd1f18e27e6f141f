/**
 * The bridge model: two fake chats, a script of human actions per side, and a delivery order for
 * their events. `runModel` delivers them (plus the echoes of the bridge's own writes and any
 * deferred replies) through the engine and `checkInvariants` says what went wrong, if anything.
 */
import type { CapturedMessageEvent } from '../../registry/index.js';
import { handleBridgeEvent } from '../engine.js';
import type { BridgeLedger } from '../ledger.js';
import type { Bridge, BridgeSide } from '../types.js';
import { FakeChat } from './fake-chat.js';

export type HumanAction =
  | { op: 'post'; id: string; text: string; threadId?: string }
  | { op: 'edit'; id: string; text: string }
  | { op: 'delete'; id: string };

export interface Delivery { side: BridgeSide; event: CapturedMessageEvent }

export interface ModelWorld {
  bridge: Bridge;
  chats: Record<BridgeSide, FakeChat>;
  /** The events of the human actions, per side, in the order the humans acted. */
  events: Record<BridgeSide, CapturedMessageEvent[]>;
}

export function buildWorld(scripts: Record<BridgeSide, HumanAction[]>, markers: boolean, bridgeId = 'bridge-1'): ModelWorld {
  const chats = { a: new FakeChat({ name: 'slack', style: 'slack', markers }), b: new FakeChat({ name: 'teams', style: 'graph', markers }) };
  const events = { a: [] as CapturedMessageEvent[], b: [] as CapturedMessageEvent[] };
  for (const side of ['a', 'b'] as const) {
    for (const action of scripts[side]) {
      const chat = chats[side];
      events[side].push(action.op === 'post' ? chat.postAsHuman(action.id, action.text, action.threadId)
        : action.op === 'edit' ? chat.editAsHuman(action.id, action.text) : chat.deleteAsHuman(action.id));
    }
  }
  const bridge: Bridge = { id: bridgeId, workspaceId: 'ws', name: 'model', enabled: true, a: { connectionId: 'a', channel: 'general' }, b: { connectionId: 'b', channel: 'general' } };
  return { bridge, chats, events };
}

/** Delivers `order`, then echoes (immediately or at the end), then retries deferred replies. */
export async function runModel(world: ModelWorld, order: Delivery[], ledger: BridgeLedger, echoes: 'immediate' | 'end'): Promise<void> {
  const ports = { a: world.chats.a.port, b: world.chats.b.port };
  const queue = [...order];
  const late: Delivery[] = [];
  const deferred: Delivery[] = [];
  const collectEchoes = (into: Delivery[]) => {
    for (const side of ['a', 'b'] as const) into.push(...world.chats[side].echoes.splice(0).map((event) => ({ side, event })));
  };
  let budget = 20 * (order.length + 4);
  let retries = 0;
  const deliver = async (d: Delivery, threadFallback = false) => {
    // A bridge that echoes ping-pongs forever: a bounded run turns that into a failure.
    if ((budget -= 1) < 0) throw new Error('the bridge loops: deliveries never settle');
    const result = await handleBridgeEvent(world.bridge, d.side, d.event, { ledger, ports }, { threadFallback });
    if (result === 'deferred') deferred.push(d);
  };
  while (queue.length > 0) {
    await deliver(queue.shift()!);
    if (echoes === 'immediate') collectEchoes(queue); else collectEchoes(late);
    // A deferred reply is retried after later deliveries (the queue's backoff), as pg-boss would.
    if (queue.length === 0 && deferred.length > 0 && (retries += 1) <= 3) queue.push(...deferred.splice(0));
    if (queue.length === 0 && late.length > 0) queue.push(...late.splice(0));
  }
  for (const d of deferred.splice(0)) await deliver(d, true);
  collectEchoes(queue);
  for (const d of queue) await deliver(d, true);
}

/** The properties the bridge promises; an empty list means they all held. */
export function checkInvariants(world: ModelWorld): string[] {
  const problems: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const here = world.chats[side];
    const there = world.chats[side === 'a' ? 'b' : 'a'];
    const humans = [...here.messages.values()].filter((m) => !m.byBridge);
    const copiesThere = [...there.messages.values()].filter((m) => m.byBridge);
    for (const human of humans) {
      const key = `forgeworks:${world.bridge.id}:${side}:${human.id}`;
      const copies = copiesThere.filter((c) => c.key === key);
      if (copies.length > 1) problems.push(`${human.id} was delivered ${copies.length} times`);
      const live = copies.filter((c) => !c.deleted);
      if (human.deleted && live.length > 0) problems.push(`${human.id} was deleted but its copy lives`);
      if (!human.deleted && live.length !== 1) problems.push(`${human.id} has ${live.length} live copies`);
      if (!human.deleted && live[0] && live[0].text !== human.text) problems.push(`${human.id}'s copy says "${live[0].text}", not "${human.text}"`);
      // A reply's copy sits in the thread of its root's copy, unless the root was deleted.
      const root = human.threadId ? here.messages.get(human.threadId) : undefined;
      if (live[0] && root && !root.deleted) {
        const rootCopy = copiesThere.find((c) => c.key === `forgeworks:${world.bridge.id}:${side}:${root.id}`);
        if (live[0].threadId !== rootCopy?.id) problems.push(`${human.id}'s copy is not in the thread of ${root.id}'s copy`);
      }
    }
    // No echo: every copy on the far side stems from a human message on this side.
    for (const copy of copiesThere) {
      const origin = copy.key!.split(':').slice(3).join(':');
      if (!here.messages.get(origin) || here.messages.get(origin)!.byBridge) problems.push(`echo: ${copy.id} copies ${origin}, which is not a human message`);
    }
  }
  return problems;
}

/** Every order of `items` (Heap's algorithm, iteratively). */
export function* permutations<T>(items: T[]): Generator<T[]> {
  const a = [...items];
  const c = new Array(a.length).fill(0);
  yield [...a];
  let i = 0;
  while (i < a.length) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield [...a];
      c[i] += 1;
      i = 0;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
}
