import type { ReactNode } from 'react';

/** One number with its name, for run and load summaries. */
export function Stat({ label, value, tone }: { label: string; value: number | string | undefined; tone?: 'good' | 'bad' | 'warn' }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <div className="stat-value">{value ?? '—'}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function Stats({ children }: { children: ReactNode }) {
  return <div className="stats">{children}</div>;
}
