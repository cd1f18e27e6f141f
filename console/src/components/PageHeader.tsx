import type { ReactNode } from 'react';

/** The title row of every page: heading, one line of context, and the page's actions. */
export function PageHeader({ title, description, actions, badge }: { title: string; description?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}{badge ? <> {badge}</> : null}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
