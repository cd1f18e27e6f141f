import { describe, expect, it } from 'vitest';
import { SandboxHttpError } from './http-error.js';
import { resolveLimit } from './limits.js';
import { decodeCursor, pageByCursorToken, pageByOffset, pageByPageNumber } from './paging.js';

const list = Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1) }));
const key = (item: { id: string }) => item.id;
const ids = (items: { id: string }[]) => items.map((i) => i.id);

function drain(limit: number): string[][] {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = pageByCursorToken(list, { key, after, limit });
    pages.push(ids(page.items));
    after = page.next;
  } while (after !== undefined);
  return pages;
}

describe('pageByCursorToken', () => {
  it('walks every item once and stops on a short last page', () => {
    expect(drain(4)).toEqual([['1', '2', '3', '4'], ['5', '6', '7', '8'], ['9', '10']]);
  });

  it('hands out no cursor when the last page ends exactly at the end', () => {
    expect(drain(5)).toEqual([['1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);
  });

  it('can mimic vendors that serve an empty last page on an exact boundary', () => {
    const second = pageByCursorToken(list, { key, limit: 5, after: pageByCursorToken(list, { key, limit: 5 }).next, emptyLastPage: true });
    expect(second.next).toBeDefined();
    expect(pageByCursorToken(list, { key, limit: 5, after: second.next })).toEqual({ items: [], next: undefined });
  });

  it('encodes an opaque base64url token, or the plain id for Stripe-style starting_after', () => {
    const opaque = pageByCursorToken(list, { key, limit: 2 });
    expect(opaque.next).not.toBe('2');
    expect(decodeCursor(opaque.next ?? '')).toBe('2');
    const plain = pageByCursorToken(list, { key, limit: 2, after: '2', encoding: 'plain' });
    expect(ids(plain.items)).toEqual(['3', '4']);
    expect(plain.next).toBe('4');
  });

  it('refuses a cursor that names no item, through the vendor reject hook', () => {
    expect(() => pageByCursorToken(list, { key, after: 'bm9wZQ' })).toThrow(SandboxHttpError);
    const reject = (p: { kind: string }) => new SandboxHttpError(400, { code: p.kind });
    expect(() => pageByCursorToken(list, { key, after: 'nope', encoding: 'plain', reject })).toThrow(
      expect.objectContaining({ body: { code: 'invalid_cursor' } }),
    );
  });

  it('serves an empty list as one empty page', () => {
    expect(pageByCursorToken([], { key, limit: 3 })).toEqual({ items: [], next: undefined });
  });
});

describe('pageByOffset', () => {
  it('returns the next offset until the end, and none on an exact boundary', () => {
    expect(pageByOffset(list, { offset: 0, limit: 4 })).toMatchObject({ next: 4, total: 10 });
    expect(pageByOffset(list, { offset: '8', limit: '4' })).toMatchObject({ next: undefined });
    expect(ids(pageByOffset(list, { offset: 5, limit: 5 }).items)).toEqual(['6', '7', '8', '9', '10']);
    expect(pageByOffset(list, { offset: 5, limit: 5 }).next).toBeUndefined();
    expect(pageByOffset(list, { offset: 5, limit: 5, emptyLastPage: true }).next).toBe(10);
  });

  it('answers an offset past the end with an empty page and refuses a negative one', () => {
    expect(pageByOffset(list, { offset: 50, limit: 5 })).toEqual({ items: [], next: undefined, total: 10 });
    expect(() => pageByOffset(list, { offset: '-1' })).toThrow(SandboxHttpError);
  });
});

describe('pageByPageNumber', () => {
  it('counts pages from 1 by default and reports the page count', () => {
    expect(pageByPageNumber(list, { page: 1, perPage: 3 })).toMatchObject({ next: 2, total: 10, pageCount: 4 });
    expect(ids(pageByPageNumber(list, { page: '4', perPage: 3 }).items)).toEqual(['10']);
    expect(pageByPageNumber(list, { page: 4, perPage: 3 }).next).toBeUndefined();
    expect(pageByPageNumber(list, { page: 2, perPage: 5 }).next).toBeUndefined();
    expect(pageByPageNumber(list, { page: 9, perPage: 5 }).items).toEqual([]);
  });

  it('supports vendors that count from page 0 and refuses a page before the first', () => {
    expect(ids(pageByPageNumber(list, { page: 0, perPage: 4, firstPage: 0 }).items)).toEqual(['1', '2', '3', '4']);
    expect(() => pageByPageNumber(list, { page: 0, perPage: 4 })).toThrow(SandboxHttpError);
  });
});

describe('resolveLimit', () => {
  it('uses the default when absent and clamps over the max unless told to refuse', () => {
    expect(resolveLimit(undefined, { defaultLimit: 10 })).toBe(10);
    expect(resolveLimit('', { defaultLimit: 10 })).toBe(10);
    expect(resolveLimit('500', { maxLimit: 100 })).toBe(100);
    expect(() => resolveLimit(500, { maxLimit: 100, overMax: 'error' })).toThrow(
      expect.objectContaining({ status: 400, body: { message: 'limit must not exceed 100' } }),
    );
  });

  it('refuses zero, negatives and non-integers', () => {
    for (const bad of ['0', '-3', '2.5', 'ten', 0]) expect(() => resolveLimit(bad)).toThrow(SandboxHttpError);
  });
});
