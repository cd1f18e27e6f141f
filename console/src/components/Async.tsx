import type { ReactNode } from 'react';
import type { Resource } from '../hooks.js';
import { ErrorState } from './ErrorState.js';
import { Loading } from './Loading.js';

/** Renders a resource's loading and error states, and its data once it is there. */
export function Async<T>({ resource, what, children }: { resource: Resource<T>; what: string; children: (data: T) => ReactNode }) {
  if (resource.data !== undefined) return <>{children(resource.data)}</>;
  if (resource.error) return <ErrorState error={resource.error} what={what} retry={resource.reload} />;
  return <Loading label={`Loading ${what.toLowerCase()}…`} />;
}
