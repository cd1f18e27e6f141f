/**
 * Zendesk's checks on organization attributes: a name unique in the account (case-blind), a
 * unique external id, valid domain names. Domains and tags are lower-cased.
 */
import { ORGANIZATION_DEFAULTS, type OrganizationData } from './model.js';
import { add, id, list, picked, text, type Checked, type Details } from './validate.js';

const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const ORG_KEYS = ['name', 'external_id', 'domain_names', 'details', 'notes', 'group_id', 'tags', 'shared_tickets', 'shared_comments', 'organization_fields'] as const;

/** @param taken tells whether another organization already has this name or external id. */
export function checkOrganization(input: Record<string, unknown>, current: OrganizationData | undefined, taken: (field: 'name' | 'external_id', value: string) => boolean): Checked<OrganizationData> {
  const given = picked(input, ORG_KEYS);
  const data: OrganizationData = { ...ORGANIZATION_DEFAULTS, ...current };
  const details: Details = {};
  if ('name' in given || !current) {
    const name = String(given.name ?? '').trim();
    if (!name) add(details, 'name', 'Name: cannot be blank', 'BlankValue');
    else if (name.toLowerCase() !== current?.name.toLowerCase() && taken('name', name)) add(details, 'name', 'Name: has already been taken', 'DuplicateValue');
    data.name = name;
  }
  if ('external_id' in given) {
    const external = text(given.external_id);
    if (external && external !== current?.external_id && taken('external_id', external)) add(details, 'external_id', 'External: has already been taken', 'DuplicateValue');
    data.external_id = external;
  }
  if ('domain_names' in given) {
    const domains = list(given.domain_names).map((d) => d.toLowerCase());
    const bad = domains.find((d) => !DOMAIN.test(d));
    if (bad) add(details, 'domain_names', `Domain names: ${bad} is not a valid domain name`, 'InvalidValue');
    data.domain_names = domains;
  }
  for (const key of ['details', 'notes'] as const) if (key in given) data[key] = text(given[key]);
  if ('group_id' in given) data.group_id = id(given.group_id);
  if ('tags' in given) data.tags = list(given.tags).map((t) => t.toLowerCase());
  for (const key of ['shared_tickets', 'shared_comments'] as const) if (key in given) data[key] = Boolean(given[key]);
  if ('organization_fields' in given && typeof given.organization_fields === 'object' && given.organization_fields) data.organization_fields = { ...data.organization_fields, ...(given.organization_fields as object) };
  return Object.keys(details).length > 0 ? { ok: false, details } : { ok: true, data };
}
