/**
 * The current workspace: every tenant page reads it from here; the header's picker changes it.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api.js';
import { useResource } from './hooks.js';
import { saveWorkspace, savedWorkspace } from './session.js';
import type { Workspace } from './types.js';

export interface WorkspaceState {
  workspaces: Workspace[];
  current: Workspace | undefined;
  loading: boolean;
  error: Error | undefined;
  select(id: string): void;
  reload(): void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const list = useResource(() => api.workspaces(), []);
  const workspaces = useMemo(() => list.data ?? [], [list.data]);
  const [selected, setSelected] = useState(savedWorkspace);
  const current = workspaces.find((w) => w.id === selected) ?? workspaces[0];
  useEffect(() => {
    if (current) saveWorkspace(current.id);
  }, [current]);
  const state: WorkspaceState = {
    workspaces, current, loading: list.loading, error: list.error, reload: list.reload,
    select: (id) => { saveWorkspace(id); setSelected(id); },
  };
  return <WorkspaceContext.Provider value={state}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace outside WorkspaceProvider');
  return state;
}
