/**
 * What the WhatsApp stand-in keeps: the business phone number, the approved templates (with the
 * number of body parameters each expects), and every message it accepted, for tests to assert on.
 */
import { prefixedIds, type Clock } from '../../../src/sandbox/index.js';

export interface SentMessage {
  id: string;
  phoneNumberId: string;
  /** As the caller wrote it (`contacts[].input`). */
  to: string;
  waId: string;
  type: string;
  body: Record<string, unknown>;
  receivedAt: number;
}

export interface Template {
  name: string;
  language: string;
  /** `{{1}}`…`{{n}}` in the body. */
  bodyParams: number;
}

/** Every WhatsApp Business Account starts with Meta's sample template. */
export const DEFAULT_TEMPLATES: Template[] = [
  { name: 'hello_world', language: 'en_US', bodyParams: 0 },
  { name: 'order_update', language: 'en_US', bodyParams: 2 },
];

export class WhatsAppStore {
  readonly sent: SentMessage[] = [];
  private readonly templates: Template[];
  private readonly nextId = prefixedIds('wamid.HBgL', { length: 40, seed: 23 });

  constructor(readonly clock: Clock, readonly phoneNumberId: string, readonly wabaId: string, templates: Template[]) {
    this.templates = [...templates];
  }

  template(name: string, language: string): Template | undefined {
    return this.templates.find((t) => t.name === name && t.language === language);
  }

  addTemplate(template: Template): void {
    this.templates.push(template);
  }

  record(message: Omit<SentMessage, 'id' | 'receivedAt'>): SentMessage {
    const sent = { ...message, id: this.nextId(), receivedAt: this.clock.now() };
    this.sent.push(sent);
    return sent;
  }
}
