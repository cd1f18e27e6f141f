/** A labelled progress bar; indeterminate while the total is unknown. */
export function ProgressBar({ value, max, label }: { value?: number; max?: number; label: string }) {
  const known = value !== undefined && max !== undefined && max > 0;
  const percent = known ? Math.min(100, Math.round((value / max) * 100)) : undefined;
  return (
    <div className="progress">
      <div className="progress-label"><span>{label}</span>{known ? <span>{value} / {max} ({percent}%)</span> : <span>working…</span>}</div>
      <progress aria-label={label} value={known ? value : undefined} max={known ? max : undefined} />
    </div>
  );
}
