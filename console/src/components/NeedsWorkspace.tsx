import type { ReactNode } from 'react';
import { CreateWorkspace } from '../pages/CreateWorkspace.js';
import { useWorkspace } from '../workspace.js';
import type { Workspace } from '../types.js';
import { ErrorState } from './ErrorState.js';
import { Loading } from './Loading.js';

/** Tenant pages need a workspace: until there is one, say so and offer to create it. */
export function NeedsWorkspace({ children }: { children: (workspace: Workspace) => ReactNode }) {
  const { current, loading, error, reload } = useWorkspace();
  if (current) return <>{children(current)}</>;
  if (loading) return <Loading label="Loading workspaces…" />;
  if (error) return <ErrorState error={error} what="Workspaces" retry={reload} />;
  return <CreateWorkspace />;
}
