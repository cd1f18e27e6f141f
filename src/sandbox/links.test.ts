import { describe, expect, it } from 'vitest';
import { linkHeader, nextUrl } from './links.js';

describe('nextUrl', () => {
  it('sets, replaces and removes query parameters on an absolute URL', () => {
    expect(nextUrl('http://127.0.0.1:9/api/v2/users?per_page=50&page=1', { page: 2, cursor: undefined })).toBe(
      'http://127.0.0.1:9/api/v2/users?per_page=50&page=2',
    );
    expect(nextUrl('http://h/x?a=1', { a: undefined })).toBe('http://h/x');
  });

  it('keeps a relative path relative, as Salesforce nextRecordsUrl is', () => {
    expect(nextUrl('/services/data/v59.0/query/01gD0000002HU6KIAW-2000')).toBe('/services/data/v59.0/query/01gD0000002HU6KIAW-2000');
    expect(nextUrl('/v1.0/users', { $skiptoken: 'X' })).toBe('/v1.0/users?%24skiptoken=X');
  });
});

describe('linkHeader', () => {
  it('builds an RFC 8288 value with relations in order', () => {
    expect(linkHeader('http://h/issues?per_page=2', { next: { page: 3 }, last: { page: 9 } })).toBe(
      '<http://h/issues?per_page=2&page=3>; rel="next", <http://h/issues?per_page=2&page=9>; rel="last"',
    );
  });

  it('is undefined when there is no relation, so the last page omits it', () => {
    expect(linkHeader('http://h/x', { next: undefined })).toBeUndefined();
  });
});
