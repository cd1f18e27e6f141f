import { ApiError } from '../api.js';
import { EmptyState } from './EmptyState.js';

/**
 * A failed call: a route the server does not have yet becomes a calm "not available" state,
 * anything else an alert with the API's message and a retry.
 */
export function ErrorState({ error, what, retry }: { error: Error; what?: string; retry?: () => void }) {
  if (error instanceof ApiError && error.unavailable) {
    return (
      <EmptyState icon="⌁" title={`${what ?? 'This page'} is not available yet`}>
        <p>This server does not offer {what ? what.toLowerCase() : 'this part of the API'} yet. Nothing is wrong with your workspace; the page will work once the API is there.</p>
      </EmptyState>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <strong>{what ? `Could not load ${what.toLowerCase()}.` : 'Something went wrong.'}</strong> {error.message}
      {retry ? <button type="button" className="btn btn-small" onClick={retry}>Try again</button> : null}
    </div>
  );
}
