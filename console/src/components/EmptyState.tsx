import type { ReactNode } from 'react';

/** What a page shows when there is nothing yet: what would be here, and how to get it. */
export function EmptyState({ title, children, action, icon = '○' }: { title: string; children?: ReactNode; action?: ReactNode; icon?: string }) {
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">{icon}</div>
      <h2>{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}
