/**
 * The account's records on the toolkit's Collection, and the writes Zendesk allows on them:
 * users are deleted softly (`active: false`, still readable, their email free again),
 * organizations for good, tickets into the deleted-tickets list (`status: deleted`).
 */
import { Collection, sequentialIds, type Clock, type Entry } from '../../../src/sandbox/index.js';
import { OWNER } from './auth.js';
import type { OrganizationData, TicketData, UserData } from './model.js';
import { checkOrganization } from './validate-organization.js';
import { checkTicket, type TicketComment, type TicketPeople } from './validate-ticket.js';
import { checkUser } from './validate-user.js';
import type { Details } from './validate.js';

export type Written<T> = { ok: true; entry: Entry<T> } | { ok: false; details: Details };
export type WrittenTicket = ({ ok: true; entry: Entry<TicketData>; before?: TicketData; comment?: TicketComment }) | { ok: false; details: Details };
export type ObjectName = 'users' | 'organizations' | 'tickets';

export class ZendeskStore {
  readonly users: Collection<UserData>;
  readonly organizations: Collection<OrganizationData>;
  readonly tickets: Collection<TicketData>;

  constructor(readonly clock: Clock) {
    // Zendesk ids are large integers; distinct ranges make a mixed-up id obvious in a test.
    this.users = new Collection({ clock, ids: sequentialIds({ start: 360_000_001 }) });
    this.organizations = new Collection({ clock, ids: sequentialIds({ start: 900_000_001 }) });
    this.tickets = new Collection({ clock, ids: sequentialIds({ start: 1 }) });
  }

  private emailTaken(email: string, except?: string): boolean {
    return this.users.list().some((e) => e.id !== except && e.data.active && e.data.email === email.toLowerCase());
  }

  private organizationTaken(field: 'name' | 'external_id', value: string, except?: string): boolean {
    const wanted = value.toLowerCase();
    return this.organizations.list().some((e) => e.id !== except && (e.data[field] ?? '').toLowerCase() === wanted);
  }

  createUser(input: Record<string, unknown>): Written<UserData> {
    const checked = checkUser(input, undefined, (email) => this.emailTaken(email));
    return checked.ok ? { ok: true, entry: this.users.insert(checked.data) } : checked;
  }

  /** `undefined` when no such user (a deleted one included: Zendesk refuses to edit it). */
  updateUser(id: string, input: Record<string, unknown>): Written<UserData> | undefined {
    const current = this.users.get(id);
    if (!current?.data.active) return undefined;
    const checked = checkUser(input, current.data, (email) => this.emailTaken(email, id));
    return checked.ok ? { ok: true, entry: this.users.update(id, () => checked.data)! } : checked;
  }

  /** Soft delete; a user already deleted is not found, as Zendesk answers. */
  deleteUser(id: string): Entry<UserData> | undefined {
    const current = this.users.get(id);
    if (!current?.data.active) return undefined;
    return this.users.update(id, { active: false });
  }

  createOrganization(input: Record<string, unknown>): Written<OrganizationData> {
    const checked = checkOrganization(input, undefined, (field, value) => this.organizationTaken(field, value));
    return checked.ok ? { ok: true, entry: this.organizations.insert(checked.data) } : checked;
  }

  updateOrganization(id: string, input: Record<string, unknown>): Written<OrganizationData> | undefined {
    const current = this.organizations.get(id);
    if (!current) return undefined;
    const checked = checkOrganization(input, current.data, (field, value) => this.organizationTaken(field, value, id));
    return checked.ok ? { ok: true, entry: this.organizations.update(id, () => checked.data)! } : checked;
  }

  deleteOrganization(id: string): boolean {
    return this.organizations.remove(id) !== undefined;
  }

  private readonly people: TicketPeople = {
    caller: OWNER.id,
    user: (id) => {
      if (id === OWNER.id) return { role: OWNER.role, organization_id: null };
      const entry = this.users.get(String(id));
      return entry?.data.active ? { role: entry.data.role, organization_id: entry.data.organization_id } : undefined;
    },
  };

  /** A new ticket; `requester: { name, email }` names the requester by email, creating the user if none has it. */
  createTicket(input: Record<string, unknown>): WrittenTicket {
    const requester = input.requester as { name?: unknown; email?: unknown } | undefined;
    const values = { ...input };
    if (requester && typeof requester === 'object' && typeof requester.email === 'string') {
      const email = requester.email.trim().toLowerCase();
      const known = this.users.list().find((e) => e.data.active && e.data.email === email);
      const user = known ?? (() => {
        const made = this.createUser({ name: requester.name ?? email, email });
        return made.ok ? made.entry : undefined;
      })();
      if (!user) return { ok: false, details: { requester: [{ description: `Requester: Email: ${email} is not properly formatted`, error: 'InvalidValue' }] } };
      values.requester_id = Number(user.id);
    }
    const checked = checkTicket(values, undefined, this.people);
    return checked.ok ? { ok: true, entry: this.tickets.insert(checked.data), comment: checked.comment } : checked;
  }

  /** `undefined` when no such ticket, or when it is deleted. */
  updateTicket(id: string, input: Record<string, unknown>): WrittenTicket | undefined {
    const current = this.tickets.get(id);
    if (!current || current.data.status === 'deleted') return undefined;
    const checked = checkTicket(input, current.data, this.people);
    if (!checked.ok) return checked;
    return { ok: true, entry: this.tickets.update(id, () => checked.data)!, before: current.data, comment: checked.comment };
  }

  deleteTicket(id: string): Entry<TicketData> | undefined {
    const current = this.tickets.get(id);
    if (!current || current.data.status === 'deleted') return undefined;
    return this.tickets.update(id, { status: 'deleted', previous_state: current.data.status, deleted_at: this.clock.now() });
  }

  /** Live records: active users, existing organizations, tickets not deleted. */
  liveIds(object: ObjectName): string[] {
    if (object === 'users') return this.users.list({ filter: (e) => e.data.active }).map((e) => e.id);
    if (object === 'organizations') return this.organizations.list().map((e) => e.id);
    return this.tickets.list({ filter: (e) => e.data.status !== 'deleted' }).map((e) => e.id);
  }
}
