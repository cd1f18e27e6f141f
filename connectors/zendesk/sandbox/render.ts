/**
 * Stored entries as Zendesk's JSON: numeric ids, `url`, ISO timestamps to the second without
 * milliseconds ("2024-01-01T00:00:00Z"), and the read-only attributes Zendesk computes. Tickets
 * also carry `generated_timestamp`, the epoch second the incremental export orders them by.
 */
import type { Entry } from '../../../src/sandbox/index.js';
import type { OrganizationData, TicketData, UserData } from './model.js';

export const iso = (ms: number) => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
export const seconds = (ms: number) => Math.floor(ms / 1000);

export function renderUser(entry: Entry<UserData>, baseUrl: string): Record<string, unknown> {
  const { data } = entry;
  return {
    id: Number(entry.id), url: `${baseUrl}/api/v2/users/${entry.id}.json`, name: data.name, email: data.email,
    created_at: iso(entry.createdAt), updated_at: iso(entry.updatedAt), time_zone: data.time_zone, iana_time_zone: 'America/New_York',
    phone: data.phone, shared_phone_number: null, photo: null, locale_id: 1, locale: data.locale, organization_id: data.organization_id,
    role: data.role, verified: data.verified, external_id: data.external_id, tags: data.tags, alias: data.alias, active: data.active,
    shared: false, shared_agent: false, last_login_at: null, two_factor_auth_enabled: false, signature: data.signature,
    details: data.details, notes: data.notes, role_type: null, custom_role_id: null, moderator: false,
    ticket_restriction: data.role === 'end-user' ? 'requested' : null, only_private_comments: false, restricted_agent: true,
    suspended: data.suspended, default_group_id: null, report_csv: false, user_fields: data.user_fields,
  };
}

export function renderOrganization(entry: Entry<OrganizationData>, baseUrl: string): Record<string, unknown> {
  const { data } = entry;
  return {
    url: `${baseUrl}/api/v2/organizations/${entry.id}.json`, id: Number(entry.id), name: data.name,
    shared_tickets: data.shared_tickets, shared_comments: data.shared_comments, external_id: data.external_id,
    created_at: iso(entry.createdAt), updated_at: iso(entry.updatedAt), domain_names: data.domain_names,
    details: data.details, notes: data.notes, group_id: data.group_id, tags: data.tags, organization_fields: data.organization_fields,
  };
}

export function renderTicket(entry: Entry<TicketData>, baseUrl: string): Record<string, unknown> {
  const { data } = entry;
  return {
    url: `${baseUrl}/api/v2/tickets/${entry.id}.json`, id: Number(entry.id), external_id: data.external_id,
    via: { channel: data.channel, source: { from: {}, to: {}, rel: null } },
    created_at: iso(entry.createdAt), updated_at: iso(entry.updatedAt), generated_timestamp: seconds(entry.updatedAt),
    type: data.type, subject: data.subject, raw_subject: data.subject, description: data.description, priority: data.priority,
    status: data.status, recipient: null, requester_id: data.requester_id, submitter_id: data.submitter_id,
    assignee_id: data.assignee_id, organization_id: data.organization_id, group_id: data.group_id,
    collaborator_ids: [], follower_ids: [], email_cc_ids: [], forum_topic_id: null, problem_id: null, has_incidents: false,
    is_public: true, due_at: null, tags: data.tags, custom_fields: [], satisfaction_rating: null, sharing_agreement_ids: [],
    custom_status_id: null, fields: [], followup_ids: [], ticket_form_id: null, brand_id: null,
    allow_channelback: false, allow_attachments: true, from_messaging_channel: false,
  };
}

/** An entry of `GET /api/v2/deleted_tickets`. */
export function renderDeletedTicket(entry: Entry<TicketData>, actor: { id: number; name: string }): Record<string, unknown> {
  return {
    id: Number(entry.id), subject: entry.data.subject, description: entry.data.description, actor,
    deleted_at: iso(entry.data.deleted_at ?? entry.updatedAt), previous_state: entry.data.previous_state ?? 'open',
  };
}
