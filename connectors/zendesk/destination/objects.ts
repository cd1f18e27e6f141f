/**
 * The Zendesk objects written, as data: paths and body keys, what a read shows for a deleted
 * record (a soft-deleted user still reads back, `active: false`), how the natural key is looked
 * up, and which attributes Zendesk computes itself (never written, never compared in verify).
 */
import { splitName } from '../names.js';

export interface WritableObject {
  plural: 'users' | 'organizations';
  singular: 'user' | 'organization';
  /** A fetched record that counts as gone. */
  gone(record: Record<string, unknown>): boolean;
  /** The record handed to the platform (users gain `_derived` name parts). */
  toRecord(record: Record<string, unknown>): Record<string, unknown>;
  /** Natural-key lookup: users by `query=email:…`, organizations by `name=…` (both documented searches). */
  naturalKey: { field: 'email'; query: (value: string) => Record<string, string> } | { field: 'name'; query: (value: string) => Record<string, string> };
  readOnly: readonly string[];
  /** Attributes that are lists (a string is split into one). */
  lists: readonly string[];
}

const COMMON_READ_ONLY = ['id', 'url', 'created_at', 'updated_at', '_derived'];

export const USER_OBJECT: WritableObject = {
  plural: 'users', singular: 'user',
  gone: (u) => u.active === false,
  toRecord: (u) => ({ ...u, _derived: splitName(u.name) }),
  naturalKey: { field: 'email', query: (email) => ({ query: `email:${email}` }) },
  readOnly: [
    ...COMMON_READ_ONLY, 'active', 'shared', 'shared_agent', 'last_login_at', 'photo', 'role_type', 'two_factor_auth_enabled',
    'iana_time_zone', 'locale_id', 'moderator', 'only_private_comments', 'restricted_agent', 'report_csv', 'ticket_restriction',
    'shared_phone_number', 'custom_role_id', 'default_group_id', 'chat_only',
  ],
  lists: ['tags'],
};

export const ORGANIZATION_OBJECT: WritableObject = {
  plural: 'organizations', singular: 'organization',
  gone: () => false,
  toRecord: (o) => ({ ...o }),
  naturalKey: { field: 'name', query: (name) => ({ name }) },
  readOnly: [...COMMON_READ_ONLY, 'deleted_at'],
  lists: ['tags', 'domain_names'],
};

/** Zendesk's limit on bulk calls and on `show_many` ids. */
export const BULK_LIMIT = 100;
