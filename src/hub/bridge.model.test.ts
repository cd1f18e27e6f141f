/**
 * The bridge's model-based test. Each side's humans write four messages (one a thread reply), and
 * every order of their deliveries is explored: all interleavings between the sides and every
 * reordering within a side, with and without a full redelivery of every event, with the bridge's
 * own copies echoing back immediately or late, with vendor markers or with the ledger alone.
 * A second script adds edits and deletes; a seeded random walk mixes everything at once.
 */
import { describe, expect, it } from 'vitest';
import { MemoryLedger } from './memory-ledger.js';
import { seeded, shuffle } from './testing/random.js';
import { buildWorld, checkInvariants, permutations, runModel, type Delivery, type HumanAction } from './testing/model.js';

const fourMessages = (p: string): HumanAction[] => [
  { op: 'post', id: `${p}1`, text: `${p} one` },
  { op: 'post', id: `${p}2`, text: `${p} two` },
  { op: 'post', id: `${p}3`, text: `${p} reply to one`, threadId: `${p}1` },
  { op: 'post', id: `${p}4`, text: `${p} four` },
];

const editsAndDeletes = (p: string): HumanAction[] => [
  { op: 'post', id: `${p}1`, text: `${p} first` },
  { op: 'post', id: `${p}2`, text: `${p} in thread`, threadId: `${p}1` },
  { op: 'edit', id: `${p}1`, text: `${p} first, edited` },
  { op: 'delete', id: `${p}2` },
];

async function explore(script: (p: string) => HumanAction[], options: { markers: boolean; echoes: 'immediate' | 'end'; redeliver: boolean }) {
  const template = buildWorld({ a: script('s'), b: script('t') }, options.markers);
  const all: Delivery[] = [...template.events.a.map((event) => ({ side: 'a' as const, event })), ...template.events.b.map((event) => ({ side: 'b' as const, event }))];
  let runs = 0;
  for (const order of permutations(all.map((_, i) => i))) {
    const world = buildWorld({ a: script('s'), b: script('t') }, options.markers);
    const deliveries = order.map((i) => { const d = all[i]!; return { side: d.side, event: world.events[d.side][world.events[d.side].findIndex((e) => e.eventId === d.event.eventId)]! }; });
    const redeliveries = options.redeliver ? [...deliveries].reverse() : [];
    await runModel(world, [...deliveries, ...redeliveries], new MemoryLedger(), options.echoes);
    const problems = checkInvariants(world);
    if (problems.length > 0) throw new Error(`order ${order.join(',')}: ${problems.join('; ')}`);
    runs += 1;
  }
  return runs;
}

describe('bridge model: every delivery order', () => {
  const configs = [
    { markers: true, echoes: 'immediate' as const, label: 'vendor markers, echoes at once' },
    { markers: false, echoes: 'end' as const, label: 'ledger only, echoes late' },
  ];
  for (const c of configs) {
    it(`four messages a side (one a thread reply), ${c.label}: 8! orders, then again with every event redelivered`, async () => {
      expect(await explore(fourMessages, { ...c, redeliver: false })).toBe(40_320);
      expect(await explore(fourMessages, { ...c, redeliver: true })).toBe(40_320);
    }, 120_000);
  }
  for (const c of [{ ...configs[0]!, echoes: 'end' as const, label: 'vendor markers, echoes late' }, { ...configs[1]!, echoes: 'immediate' as const, label: 'ledger only, echoes at once' }]) {
    it(`posts, a reply, an edit and a delete a side, ${c.label}: 8! orders with every event redelivered`, async () => {
      expect(await explore(editsAndDeletes, { ...c, redeliver: true })).toBe(40_320);
    }, 120_000);
  }
});

describe('bridge model: random walks over the longer script', () => {
  const longScript = (p: string): HumanAction[] => [
    ...fourMessages(p),
    { op: 'edit', id: `${p}1`, text: `${p} one, edited` },
    { op: 'edit', id: `${p}1`, text: `${p} one, edited twice` },
    { op: 'delete', id: `${p}4` },
    { op: 'post', id: `${p}5`, text: `${p} reply to a deleted one`, threadId: `${p}4` },
  ];
  it('2,000 seeded runs with shuffles, up to three copies of each event, either echo timing and marker mode', async () => {
    const random = seeded(20261124);
    for (let run = 0; run < 2_000; run += 1) {
      const markers = random() < 0.5;
      const world = buildWorld({ a: longScript('s'), b: longScript('t') }, markers);
      const deliveries: Delivery[] = [];
      for (const side of ['a', 'b'] as const) {
        for (const event of world.events[side]) {
          const copies = 1 + Math.floor(random() * 3);
          for (let k = 0; k < copies; k += 1) deliveries.push({ side, event });
        }
      }
      shuffle(deliveries, random);
      await runModel(world, deliveries, new MemoryLedger(), random() < 0.5 ? 'immediate' : 'end');
      const problems = checkInvariants(world);
      if (problems.length > 0) throw new Error(`run ${run}: ${problems.join('; ')}`);
    }
  }, 60_000);
});
