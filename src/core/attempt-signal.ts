/**
 * One attempt's abort signal: its timeout plus the caller's signals. Unlike AbortSignal.timeout
 * and AbortSignal.any, it is cleaned up when the attempt ends, so thousands of calls per second
 * leave no pending timers or listeners behind.
 */
export interface AttemptSignal {
  signal: AbortSignal;
  dispose(): void;
}

export function attemptSignal(timeoutMs: number, ...callers: Array<AbortSignal | undefined>): AttemptSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out', 'TimeoutError')), timeoutMs);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  const present = callers.filter((s): s is AbortSignal => s !== undefined);
  for (const signal of present) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      for (const signal of present) signal.removeEventListener('abort', onAbort);
    },
  };
}
