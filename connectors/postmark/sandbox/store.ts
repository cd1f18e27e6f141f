/**
 * What the Postmark stand-in keeps: the server, its message streams, its confirmed Sender
 * Signatures (addresses, or whole domains), its inactive (suppressed) recipients, and every
 * email it accepted, per stream; emails sent with the POSTMARK_API_TEST token are validated and
 * kept apart, never delivered.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/sandbox/index.js';

export interface SentEmail {
  messageId: string;
  stream: string;
  to: string;
  body: Record<string, unknown>;
  submittedAt: string;
}

/** Postmark's SubmittedAt: ISO 8601 with the server's offset (its API answers in US Eastern time). */
export function submittedAt(ms: number): string {
  const eastern = new Date(ms - 5 * 3600_000).toISOString().replace('Z', '');
  return `${eastern}0000-05:00`;
}

export class PostmarkStore {
  readonly sent: SentEmail[] = [];
  readonly testSends: Array<Record<string, unknown>> = [];

  constructor(
    readonly clock: Clock,
    readonly server: { id: number; name: string },
    readonly streams: Set<string>,
    readonly signatures: Set<string>,
    readonly inactive: Set<string>,
  ) {}

  isSignature(address: string): boolean {
    const lower = address.toLowerCase();
    return this.signatures.has(lower) || this.signatures.has(lower.split('@')[1] ?? '');
  }

  accept(stream: string, to: string, body: Record<string, unknown>): SentEmail {
    const email = { messageId: randomUUID(), stream, to, body, submittedAt: submittedAt(this.clock.now()) };
    this.sent.push(email);
    return email;
  }
}
