/**
 * The vendors' own API descriptions, vendored in /specs (gzip) so every clone has them: a
 * sandbox validates what it receives against the vendor's schema, not against our reading of it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const cache = new Map<string, string>();

/** The text of `specs/<file>.gz`, decompressed once per process. */
export function vendorSpecText(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = gunzipSync(readFileSync(new URL(`../../specs/${file}.gz`, import.meta.url))).toString('utf8');
    cache.set(file, text);
  }
  return text;
}
