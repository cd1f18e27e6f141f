/**
 * One attempt's deadline: its timeout plus the caller's signals, through an AbortController that
 * the attempt's wire call is bound to directly (no EventTarget listener per request, which costs
 * undici more than the request itself on loopback). Timeouts share one coarse clock (a 50 ms
 * tick that runs only while attempts are in flight) instead of a timer each.
 */
export interface AttemptDeadline {
  /** Aborted with a TimeoutError when the time is up, or with a caller's reason. */
  readonly signal: AbortSignal;
  /** Binds the in-flight call's abort; it runs at once if the deadline has already passed. */
  bind(abort: (reason: Error) => void): void;
  dispose(): void;
}

const TICK_MS = 50;
const active = new Map<Deadline, number>();
let ticker: NodeJS.Timeout | undefined;

function tick(): void {
  const now = Date.now();
  for (const [deadline, at] of active) {
    if (at <= now) {
      active.delete(deadline);
      deadline.fire(new DOMException('The operation timed out', 'TimeoutError'));
    }
  }
  if (active.size === 0 && ticker) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

class Deadline implements AttemptDeadline {
  private readonly controller = new AbortController();
  private abortCall: ((reason: Error) => void) | undefined;
  private onCallerAbort: ((event: Event) => void) | undefined;

  constructor(timeoutMs: number, private readonly callers: Array<AbortSignal | undefined>) {
    active.set(this, Date.now() + timeoutMs);
    if (!ticker) {
      ticker = setInterval(tick, TICK_MS);
      ticker.unref();
    }
    for (const signal of callers) {
      if (!signal) continue;
      if (signal.aborted) this.fire(signal.reason as Error);
      else {
        this.onCallerAbort ??= (event: Event) => this.fire((event.target as AbortSignal).reason as Error);
        signal.addEventListener('abort', this.onCallerAbort, { once: true });
      }
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  fire(reason: Error): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort(reason);
    this.abortCall?.(reason);
  }

  bind(abort: (reason: Error) => void): void {
    this.abortCall = abort;
    if (this.controller.signal.aborted) abort(this.controller.signal.reason as Error);
  }

  dispose(): void {
    active.delete(this);
    this.abortCall = undefined;
    if (this.onCallerAbort) for (const signal of this.callers) signal?.removeEventListener('abort', this.onCallerAbort);
  }
}

export function attemptDeadline(timeoutMs: number, ...callers: Array<AbortSignal | undefined>): AttemptDeadline {
  return new Deadline(timeoutMs, callers);
}
