/** What replaces a secret in any text this module produces. */
export const REDACTED = '[redacted]';

/**
 * The spellings a secret takes once it has been put on the wire: as is, percent-encoded and
 * form-encoded. The scrubber needs all of them; empty strings are dropped because removing ""
 * from a text would be meaningless (and loops forever in naive scrubbers).
 */
export function secretForms(...values: Array<string | undefined>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    out.add(value);
    out.add(encodeURIComponent(value));
    out.add(new URLSearchParams({ v: value }).toString().slice(2));
  }
  return [...out];
}

/** Removes every known secret (longest first, so a secret containing another is fully hidden). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
