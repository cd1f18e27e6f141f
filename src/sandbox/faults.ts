import { seededRng, type Rng } from './rng.js';
import type { SandboxRequest } from './types.js';

export const FAULT_KINDS = ['latency', 'status', 'reset', 'truncate', 'hang', 'fake_delete'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Which requests the rule applies to. @default every request */
  match?: (req: SandboxRequest) => boolean;
  /** Chance of firing on a matching request, rolled on the seeded RNG. @default 1 */
  probability?: number;
  /** How many times the rule may fire before it is spent. @default Infinity */
  times?: number;
  /** `status` only: the status answered. @default 503 */
  status?: number;
  /** `status` only: adds `Retry-After: <seconds>`. @default no header */
  retryAfterSeconds?: number;
  /** `status` only: the vendor-shaped body. @default `{ message: 'Injected fault' }` */
  body?: unknown;
  /** `status` only: extra answer headers (vendor rate-limit headers on an injected 429...). */
  headers?: Record<string, string>;
  /** `latency` only: the delay before the request proceeds. @default 1000 */
  latencyMs?: number;
  /**
   * `status`, `reset` and `hang` only: run the handler first (a write commits) and then lose or
   * replace its answer; the case idempotency keys and read-after-write verification exist for.
   * `truncate` always runs the handler. @default false
   */
  afterHandler?: boolean;
}

/** What the server must do with one request. */
export interface FaultDraw {
  /** Sum of the delays of every `latency` rule that fired. */
  latencyMs: number;
  /** The first non-latency rule that fired, if any. */
  fault?: FaultRule;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/**
 * Seeded, rule-based fault injection. Rules are tried in the order added; every firing `latency`
 * rule adds its delay, and the first other firing rule decides the answer. `fake_delete` is never
 * drawn by the server: a delete handler asks `consume('fake_delete', req)` and, when true,
 * answers success without deleting (a vendor that lies; only read-after-delete catches it).
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private rng: Rng;
  private readonly seed: number;
  private readonly tally = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;

  /** @param options.seed RNG seed; @default 1 */
  constructor(options: { seed?: number } = {}) {
    this.seed = options.seed ?? 1;
    this.rng = seededRng(this.seed);
  }

  add(rule: FaultRule): this {
    this.rules.push({ rule, remaining: rule.times ?? Infinity });
    return this;
  }

  /** Removes every rule, zeroes the counts and re-seeds, so the next test replays from scratch. */
  clear(): void {
    this.rules = [];
    for (const kind of FAULT_KINDS) this.tally[kind] = 0;
    this.rng = seededRng(this.seed);
  }

  /** How many times each kind has fired. */
  get counts(): Readonly<Record<FaultKind, number>> {
    return { ...this.tally };
  }

  /** Picks the faults for one request; called by the server before auth and rate limiting. */
  draw(req: SandboxRequest): FaultDraw {
    let latencyMs = 0;
    for (const active of this.rules) {
      if (active.rule.kind === 'fake_delete' || !this.fires(active, req)) continue;
      if (active.rule.kind === 'latency') {
        latencyMs += active.rule.latencyMs ?? 1000;
        continue;
      }
      return { latencyMs, fault: active.rule };
    }
    return { latencyMs };
  }

  /** True when a rule of this kind fires for the request; for faults a handler applies itself. */
  consume(kind: FaultKind, req: SandboxRequest): boolean {
    return this.rules.some((active) => active.rule.kind === kind && this.fires(active, req));
  }

  private fires(active: ActiveRule, req: SandboxRequest): boolean {
    const { rule } = active;
    if (active.remaining <= 0 || (rule.match && !rule.match(req))) return false;
    // Roll only for real chances, so adding a certain rule does not shift the sequence of others.
    const probability = rule.probability ?? 1;
    if (probability < 1 && this.rng() >= probability) return false;
    active.remaining -= 1;
    this.tally[rule.kind] += 1;
    return true;
  }
}
