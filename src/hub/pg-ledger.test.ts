/**
 * The PostgreSQL ledger: the model's random walk again on the real table, and concurrent
 * redeliveries of one message from several workers posting exactly one copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createTenant } from '../../test/support/tenancy.js';
import { handleBridgeEvent } from './engine.js';
import { PostgresLedger } from './pg-ledger.js';
import { seeded, shuffle } from './testing/random.js';
import { buildWorld, checkInvariants, runModel, type Delivery, type HumanAction } from './testing/model.js';

let db: TestDatabase;
let ledger: PostgresLedger;
let newBridge: () => Promise<string>;

beforeAll(async () => {
  db = await createTestDatabase();
  ledger = new PostgresLedger(db.pool);
  const tenant = await createTenant(db.pool, 'slack');
  newBridge = async () => (await db.pool.query<{ id: string }>(
    `insert into bridges (workspace_id, name, a_connection_id, a_channel, b_connection_id, b_channel) values ($1, 'test', $2, 'C1', $2, 'C2') returning id`,
    [tenant.workspaceId, tenant.connectionId])).rows[0]!.id;
});
afterAll(async () => db?.close());

const script = (p: string): HumanAction[] => [
  { op: 'post', id: `${p}1`, text: `${p} one` },
  { op: 'post', id: `${p}2`, text: `${p} reply`, threadId: `${p}1` },
  { op: 'post', id: `${p}3`, text: `${p} three` },
  { op: 'post', id: `${p}4`, text: `${p} four` },
  { op: 'edit', id: `${p}1`, text: `${p} one, edited` },
  { op: 'delete', id: `${p}3` },
];

describe('PostgresLedger', () => {
  it('keeps every invariant over 30 seeded shuffled, duplicated runs', async () => {
    const random = seeded(7);
    for (let run = 0; run < 30; run += 1) {
      const world = buildWorld({ a: script('s'), b: script('t') }, run % 2 === 0, await newBridge());
      const deliveries: Delivery[] = [];
      for (const side of ['a', 'b'] as const) for (const event of world.events[side]) deliveries.push({ side, event }, { side, event });
      await runModel(world, shuffle(deliveries, random), ledger, run % 3 === 0 ? 'end' : 'immediate');
      expect(checkInvariants(world), `run ${run}`).toEqual([]);
    }
  }, 60_000);

  it('posts one copy when six workers handle redeliveries of the same message at once', async () => {
    const world = buildWorld({ a: [{ op: 'post', id: 'x', text: 'hello' }], b: [] }, false, await newBridge());
    const slowSend = world.chats.b.port.send;
    world.chats.b.port.send = async (message, key) => { await new Promise((r) => setTimeout(r, 30)); return slowSend(message, key); };
    const ports = { a: world.chats.a.port, b: world.chats.b.port };
    const event = world.events.a[0]!;
    const results = await Promise.all(Array.from({ length: 6 }, () => handleBridgeEvent(world.bridge, 'a', event, { ledger, ports })));
    expect(results.filter((r) => r === 'posted')).toHaveLength(1);
    expect(results.filter((r) => r === 'unchanged')).toHaveLength(5);
    expect(world.chats.b.sends).toHaveLength(1);
  });

  it('stores nothing when the far side fails, so a retry posts the copy', async () => {
    const world = buildWorld({ a: [{ op: 'post', id: 'y', text: 'retry me' }], b: [] }, false, await newBridge());
    const send = world.chats.b.port.send;
    world.chats.b.port.send = async () => { throw new Error('503 from the vendor'); };
    const ports = { a: world.chats.a.port, b: world.chats.b.port };
    const event = world.events.a[0]!;
    await expect(handleBridgeEvent(world.bridge, 'a', event, { ledger, ports })).rejects.toThrow('503');
    expect(await ledger.counterpart(world.bridge.id, 'a', event.messageId)).toBeUndefined();
    world.chats.b.port.send = send;
    expect(await handleBridgeEvent(world.bridge, 'a', event, { ledger, ports })).toBe('posted');
    const copy = await ledger.counterpart(world.bridge.id, 'a', event.messageId);
    expect(copy?.id).toBe(world.chats.b.live()[0]!.id);
    expect(await ledger.isCopy(world.bridge.id, 'b', copy!.id!)).toBe(true);
    expect(await ledger.counterpart(world.bridge.id, 'b', copy!.id!)).toEqual({ id: event.messageId, deleted: false });
  });
});
