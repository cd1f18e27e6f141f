/**
 * The signed-in state: the API key lives in sessionStorage (gone when the tab closes, never in
 * localStorage or a cookie), with the chosen workspace beside it.
 */
const KEY = 'forgeworks.apiKey';
const WORKSPACE = 'forgeworks.workspace';

type Listener = () => void;
const listeners = new Set<Listener>();

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signIn(key: string): void {
  sessionStorage.setItem(KEY, key.trim());
  listeners.forEach((l) => l());
}

/** Forgets the key; `expired` tells the sign-in page to say why. */
export function signOut(reason?: 'expired'): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(WORKSPACE);
  if (reason) sessionStorage.setItem('forgeworks.signOutReason', reason);
  listeners.forEach((l) => l());
}

export function takeSignOutReason(): string | null {
  const reason = sessionStorage.getItem('forgeworks.signOutReason');
  sessionStorage.removeItem('forgeworks.signOutReason');
  return reason;
}

export function savedWorkspace(): string | null {
  return sessionStorage.getItem(WORKSPACE);
}

export function saveWorkspace(id: string): void {
  sessionStorage.setItem(WORKSPACE, id);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
