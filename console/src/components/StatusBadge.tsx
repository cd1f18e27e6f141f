const TONES: Record<string, string> = {
  active: 'good', succeeded: 'good', verified: 'good', ok: 'good', written: 'good', restored: 'good', rolled_back: 'neutral', enabled: 'good',
  running: 'busy', queued: 'busy', verifying: 'busy', planned: 'neutral', writing: 'busy', pending: 'neutral',
  failed: 'bad', error: 'bad', needs_reauth: 'warn', partially_failed: 'warn', rollback_incomplete: 'bad', mismatch: 'bad', conflict: 'warn',
  disabled: 'muted', noop: 'muted', skipped: 'muted', revoked: 'muted', unrecoverable: 'bad',
  insert: 'good', create: 'good', update: 'busy', delete: 'bad',
  ran: 'good', dead: 'bad', skipped_disabled: 'muted', skipped_unconfigured: 'warn', skipped_opted_out: 'muted',
  configured: 'good', opted_out: 'muted', not_configured: 'warn',
  paused: 'muted', live: 'good', deleted: 'muted',
};

/** A status word in its colour, with the words people read rather than the enum. */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? 'neutral';
  return <span className={`badge badge-${tone}`}>{status.replace(/_/g, ' ')}</span>;
}

/** Every sandbox connection carries this label wherever it appears. */
export function SandboxBadge() {
  return <span className="badge badge-sandbox" title="Talks to a local stand-in of the vendor API, not the real service">Sandbox</span>;
}
