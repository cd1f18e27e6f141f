/** Previous / next for cursor-paged tables. */
export function Pager({ page, hasPrevious, hasNext, onPrevious, onNext }: { page: number; hasPrevious: boolean; hasNext: boolean; onPrevious(): void; onNext(): void }) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="btn" onClick={onPrevious} disabled={!hasPrevious}>← Previous</button>
      <span className="pager-page">Page {page}</span>
      <button type="button" className="btn" onClick={onNext} disabled={!hasNext}>Next →</button>
    </nav>
  );
}
