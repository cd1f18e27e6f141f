/**
 * One attempt's abort signal: its timeout plus the caller's signals, cleaned up when the attempt
 * ends. Timeouts share one coarse clock (a 50 ms tick that runs only while attempts are in
 * flight) instead of a timer each: thousands of calls per second leave no pending timers, and
 * AbortSignal.timeout / AbortSignal.any (slow, and leaky on Node 20) are not used.
 */
export interface AttemptSignal {
  signal: AbortSignal;
  dispose(): void;
}

const TICK_MS = 50;
const active = new Map<AbortController, number>();
let ticker: NodeJS.Timeout | undefined;

function tick(): void {
  const now = Date.now();
  for (const [controller, deadline] of active) {
    if (deadline <= now) {
      active.delete(controller);
      controller.abort(new DOMException('The operation timed out', 'TimeoutError'));
    }
  }
  if (active.size === 0 && ticker) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

export function attemptSignal(timeoutMs: number, ...callers: Array<AbortSignal | undefined>): AttemptSignal {
  const controller = new AbortController();
  active.set(controller, Date.now() + timeoutMs);
  if (!ticker) {
    ticker = setInterval(tick, TICK_MS);
    ticker.unref();
  }
  let onAbort: ((event: Event) => void) | undefined;
  for (const signal of callers) {
    if (!signal) continue;
    if (signal.aborted) controller.abort(signal.reason);
    else {
      onAbort ??= (event: Event) => controller.abort((event.target as AbortSignal).reason);
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  return {
    signal: controller.signal,
    dispose() {
      active.delete(controller);
      if (onAbort) for (const signal of callers) signal?.removeEventListener('abort', onAbort);
    },
  };
}
