/**
 * What the SendGrid stand-in keeps: the verified Sender Identities (single senders and
 * authenticated domains), every mail it accepted for delivery, and the ones checked in sandbox
 * mode (validated, never delivered).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../src/sandbox/index.js';

export interface AcceptedMail {
  messageId: string;
  body: Record<string, unknown>;
  recipients: string[];
  acceptedAt: number;
}

export class SendGridStore {
  readonly delivered: AcceptedMail[] = [];
  readonly validatedOnly: Array<Record<string, unknown>> = [];

  constructor(readonly clock: Clock, readonly verifiedSenders: Set<string>, readonly authenticatedDomains: Set<string>) {}

  isVerified(address: string): boolean {
    const lower = address.toLowerCase();
    return this.verifiedSenders.has(lower) || this.authenticatedDomains.has(lower.split('@')[1] ?? '');
  }

  accept(body: Record<string, unknown>, recipients: string[]): AcceptedMail {
    // SendGrid's message ids are 22 characters of URL-safe base64.
    const mail = { messageId: randomBytes(16).toString('base64url').slice(0, 22), body, recipients, acceptedAt: this.clock.now() };
    this.delivered.push(mail);
    return mail;
  }
}
