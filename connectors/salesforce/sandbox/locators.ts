/**
 * Query locators, the server-side cursors behind `nextRecordsUrl`: the result of a query is
 * fixed when it runs and served in batches from `/query/{locator}-{offset}`. As in Salesforce,
 * a locator expires after 15 minutes unused and a user holds at most 10: opening an eleventh
 * releases the oldest (docs: "QueryLocator", SOAP API guide). Either answers INVALID_QUERY_LOCATOR.
 */
import type { Clock } from '../../../src/sandbox/index.js';
import { sfError } from './errors.js';
import { checksum, KEY_PREFIX } from './ids.js';

export const LOCATOR_IDLE_MS = 15 * 60_000;
export const LOCATORS_PER_USER = 10;

interface Cursor {
  owner: string;
  rows: Array<Record<string, unknown>>;
  /** The batch size the query asked for, kept for the batches after it. */
  batchSize: number;
  lastUsed: number;
}

export class LocatorBook {
  private readonly cursors = new Map<string, Cursor>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  /** Keeps the rows behind a new locator; releases the owner's oldest beyond the tenth. */
  open(owner: string, rows: Array<Record<string, unknown>>, batchSize: number): string {
    const id15 = `${KEY_PREFIX.QueryLocator}RO${String(++this.counter).padStart(10, '0')}`;
    const locator = id15 + checksum(id15);
    this.cursors.set(locator, { owner, rows, batchSize, lastUsed: this.clock.now() });
    const mine = [...this.cursors].filter(([, c]) => c.owner === owner);
    for (const [id] of mine.slice(0, Math.max(0, mine.length - LOCATORS_PER_USER))) this.cursors.delete(id);
    return locator;
  }

  /** The rows of a live locator; it is closed once its last batch has been served. */
  take(owner: string, locator: string): { rows: Array<Record<string, unknown>>; batchSize: number } {
    const cursor = this.cursors.get(locator);
    const now = this.clock.now();
    if (!cursor || cursor.owner !== owner || now - cursor.lastUsed > LOCATOR_IDLE_MS) {
      this.cursors.delete(locator);
      throw sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    cursor.lastUsed = now;
    return cursor;
  }

  close(locator: string): void {
    this.cursors.delete(locator);
  }

  /** Locators open, all users together. */
  get size(): number {
    return this.cursors.size;
  }
}
