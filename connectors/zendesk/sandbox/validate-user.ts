/**
 * Zendesk's checks on user attributes: a name, a well-formed email not used by another active
 * user (a deleted user's email is free again), a known role. Emails and tags are lower-cased.
 */
import { USER_DEFAULTS, USER_ROLES, type UserData } from './model.js';
import { add, id, list, picked, text, type Checked, type Details } from './validate.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const USER_KEYS = ['name', 'email', 'phone', 'role', 'external_id', 'organization_id', 'alias', 'details', 'notes', 'signature', 'tags', 'time_zone', 'locale', 'user_fields', 'verified', 'suspended'] as const;

/** @param taken tells whether another live user already has this email (case-blind). */
export function checkUser(input: Record<string, unknown>, current: UserData | undefined, taken: (email: string) => boolean): Checked<UserData> {
  const given = picked(input, USER_KEYS);
  const data: UserData = { ...USER_DEFAULTS, ...current };
  const details: Details = {};
  if ('name' in given || !current) {
    data.name = String(given.name ?? '').trim();
    if (!data.name) add(details, 'name', 'Name:  is too short (minimum one character)', 'InvalidValue');
  }
  if ('email' in given) {
    const email = text(given.email)?.trim().toLowerCase() || null;
    if (email && !EMAIL.test(email)) add(details, 'email', `Email: ${email} is not properly formatted`, 'InvalidFormat');
    else if (email && email !== current?.email && taken(email)) add(details, 'email', `Email: ${email} is already being used by another user`, 'DuplicateValue');
    data.email = email;
  }
  if ('role' in given) {
    if (!USER_ROLES.includes(given.role as UserData['role'])) add(details, 'role', `Role: ${String(given.role)} is not included in the list`, 'InvalidValue');
    else data.role = given.role as UserData['role'];
  }
  if ('organization_id' in given) {
    const org = id(given.organization_id);
    if (org !== null && !Number.isSafeInteger(org)) add(details, 'organization_id', 'Organization: is invalid', 'InvalidValue');
    data.organization_id = org;
  }
  for (const key of ['phone', 'external_id', 'alias', 'signature'] as const) if (key in given) data[key] = text(given[key]);
  for (const key of ['details', 'notes', 'time_zone', 'locale'] as const) if (key in given) data[key] = String(given[key] ?? '');
  if ('tags' in given) data.tags = list(given.tags).map((t) => t.toLowerCase());
  if ('user_fields' in given && typeof given.user_fields === 'object' && given.user_fields) data.user_fields = { ...data.user_fields, ...(given.user_fields as object) };
  for (const key of ['verified', 'suspended'] as const) if (key in given) data[key] = Boolean(given[key]);
  return Object.keys(details).length > 0 ? { ok: false, details } : { ok: true, data };
}
