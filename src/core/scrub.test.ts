import { describe, expect, it } from 'vitest';
import { createScrubber, scrubGeneric, scrubValue } from './scrub.js';

const CANARY = 'canary-SECRET-9d8e7f';

describe('scrubber', () => {
  it('removes a known secret in plain, URL-encoded and base64 forms', () => {
    const scrub = createScrubber([`${CANARY}/+=`]);
    const text = `plain ${CANARY}/+= url ${encodeURIComponent(`${CANARY}/+=`)} b64 ${Buffer.from(`${CANARY}/+=`).toString('base64')}`;
    expect(scrub(text)).not.toContain(CANARY);
    expect(scrub(text)).not.toContain(Buffer.from(`${CANARY}/+=`).toString('base64').replace(/=+$/, ''));
  });

  it('removes bearer and basic tokens and api keys it was not told about', () => {
    const text = 'Authorization: Bearer abc.def.ghi and Basic dXNlcjpwYXNz and ?api_key=zzzz9999 and sk_test_4eC39HqLyjWDarjtT1zdp7dc';
    const out = scrubGeneric(text);
    for (const secret of ['abc.def.ghi', 'dXNlcjpwYXNz', 'zzzz9999', '4eC39HqLyjWDarjtT1zdp7dc']) expect(out).not.toContain(secret);
  });

  it('scrubs nested values and drops values of secret-named keys', () => {
    const out = scrubValue({ a: { password: 'hunter22', note: `token=${CANARY}` }, list: [`Bearer ${CANARY}`] }, createScrubber([CANARY]));
    expect(JSON.stringify(out)).not.toContain(CANARY);
    expect(JSON.stringify(out)).not.toContain('hunter22');
  });
});
