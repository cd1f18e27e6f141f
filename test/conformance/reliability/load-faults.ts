/**
 * The faults a random load meets, injected by the sandbox's FaultInjector: hangs cut by the
 * connector's timeout, hangs and resets after the vendor applied the write (the answer lost),
 * 503s with the vendor's body, and 2xx deletes that delete nothing. Each rule fires at most
 * once, and each load meets at most a few in a row, so the connection's circuit breaker (open
 * after 5 transient failures in a row, for 30 s) stays closed.
 */
import type { FaultRule, Rng, SandboxRequest, SandboxServer } from '../../../src/sandbox/index.js';

export const FAULT_LABELS = ['hang', 'hang_after_write', 'reset', 'reset_after_write', 'unavailable_503', 'fake_delete'] as const;
export type FaultLabel = (typeof FAULT_LABELS)[number];
export type FaultTally = Record<FaultLabel, number>;

export const newFaultTally = (): FaultTally => Object.fromEntries(FAULT_LABELS.map((l) => [l, 0])) as FaultTally;

/** Reads: a vendor's GETs, plus its POST reads (searches, batch reads) the case names. */
export type ReadTest = (req: SandboxRequest) => boolean;
export const getIsRead: ReadTest = (req) => req.method === 'GET';

export interface FaultPlan {
  server: SandboxServer<unknown>;
  /** The vendor's own 503 body. */
  unavailable: unknown;
  isRead: ReadTest;
}

const CATALOGUE: Array<{ label: FaultLabel; weight: number; rule: Omit<FaultRule, 'match'> }> = [
  // Hangs cost the timeout and a retry: fewer of them keep the test inside its time budget.
  { label: 'hang', weight: 1, rule: { kind: 'hang' } },
  { label: 'hang_after_write', weight: 1, rule: { kind: 'hang', afterHandler: true } },
  { label: 'reset', weight: 1.5, rule: { kind: 'reset' } },
  { label: 'reset_after_write', weight: 2, rule: { kind: 'reset', afterHandler: true } },
  { label: 'unavailable_503', weight: 1.5, rule: { kind: 'status', status: 503 } },
  { label: 'fake_delete', weight: 2.5, rule: { kind: 'fake_delete' } },
];
const TOTAL_WEIGHT = CATALOGUE.reduce((sum, c) => sum + c.weight, 0);

/**
 * Replaces the sandbox's rules with up to `max` new ones, each firing at most once. `first`
 * names the first rule's kind (the suite cycles through every kind, so each is met however few
 * the loads); the others are drawn by weight. Rolls on the test's RNG and counts each firing.
 */
export function injectFaults(plan: FaultPlan, rng: Rng, max: number, tally: FaultTally, first?: FaultLabel): void {
  const faults = plan.server.faults;
  faults.clear();
  const rules = 1 + Math.floor(rng() * max);
  for (let r = 0; r < rules; r++) {
    let roll = rng() * TOTAL_WEIGHT;
    const chosen = r === 0 && first ? CATALOGUE.find((c) => c.label === first)! : CATALOGUE.find((c) => (roll -= c.weight) < 0) ?? CATALOGUE[0]!;
    const chance = 0.15 + rng() * 0.45;
    faults.add({
      ...chosen.rule, times: 1,
      ...(chosen.label === 'unavailable_503' ? { body: plan.unavailable } : {}),
      // Writes draw faults more often than reads: they are where ambiguity costs.
      match: (req) => {
        const fires = rng() < (plan.isRead(req) ? chance / 3 : chance);
        if (fires) tally[chosen.label]++;
        return fires;
      },
    });
  }
}
