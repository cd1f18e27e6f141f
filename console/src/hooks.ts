/**
 * Data loading for pages: one call, its loading and error states, a reload, and polling while
 * something runs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key: string; data?: T; error?: Error; loading: boolean }>({ key, loading: true });
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps what is shown (no flicker while polling); other deps start afresh.
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    loader.current(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ key, data, loading: false }); },
      (error: Error) => { if (!controller.signal.aborted) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false })); },
    );
    return () => controller.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key ? state : { loading: true, data: undefined, error: undefined };
  return { data: current.data, error: current.error, loading: current.loading, reload };
}

/** Calls `tick` every `ms` while `active`; stops on unmount. */
export function usePolling(tick: () => void, ms: number, active: boolean): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}
