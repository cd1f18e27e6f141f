import type { ReactNode } from 'react';

/** A banner: success and info are polite status messages, errors are alerts. */
export function Notice({ tone = 'info', children, onDismiss }: { tone?: 'info' | 'success' | 'error' | 'warning'; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss ? <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss} aria-label="Dismiss">×</button> : null}
    </div>
  );
}
