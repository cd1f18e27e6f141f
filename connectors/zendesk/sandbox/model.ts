/**
 * What the Zendesk stand-in stores per object: the writable attributes only. Ids, URLs and
 * timestamps come from the toolkit's Collection entry and are added when a record is rendered
 * (render.ts), the way Zendesk computes them itself.
 */
export const USER_ROLES = ['end-user', 'agent', 'admin'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'] as const;

export interface UserData {
  name: string;
  email: string | null;
  phone: string | null;
  role: (typeof USER_ROLES)[number];
  external_id: string | null;
  organization_id: number | null;
  alias: string | null;
  details: string;
  notes: string;
  signature: string | null;
  tags: string[];
  time_zone: string;
  locale: string;
  user_fields: Record<string, unknown>;
  verified: boolean;
  suspended: boolean;
  /** Zendesk deletes users softly: `active: false`, still readable by id. */
  active: boolean;
}

export interface OrganizationData {
  name: string;
  external_id: string | null;
  domain_names: string[];
  details: string | null;
  notes: string | null;
  group_id: number | null;
  tags: string[];
  shared_tickets: boolean;
  shared_comments: boolean;
  organization_fields: Record<string, unknown>;
}

export interface TicketData {
  subject: string;
  description: string;
  status: (typeof TICKET_STATUSES)[number];
  priority: 'urgent' | 'high' | 'normal' | 'low' | null;
  type: 'problem' | 'incident' | 'question' | 'task' | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  external_id: string | null;
  tags: string[];
  channel: string;
  /** Set when the ticket was deleted (it then lists in /api/v2/deleted_tickets). */
  deleted_at?: number;
  previous_state?: string;
}

export const USER_DEFAULTS: UserData = {
  name: '', email: null, phone: null, role: 'end-user', external_id: null, organization_id: null, alias: null,
  details: '', notes: '', signature: null, tags: [], time_zone: 'Eastern Time (US & Canada)', locale: 'en-US',
  user_fields: {}, verified: false, suspended: false, active: true,
};

export const ORGANIZATION_DEFAULTS: OrganizationData = {
  name: '', external_id: null, domain_names: [], details: null, notes: null, group_id: null, tags: [],
  shared_tickets: false, shared_comments: false, organization_fields: {},
};
