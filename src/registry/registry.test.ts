import { describe, expect, it } from 'vitest';
import { ConnectorRegistry } from './registry.js';
import { DefinitionError, DuplicateConnectorError, UnknownConnectorError } from './errors.js';
import { fieldsToZod, fieldSchema } from './fields.js';
import type { ConnectorDefinitionInput } from './definition.js';

function definition(overrides: Partial<ConnectorDefinitionInput> = {}): ConnectorDefinitionInput {
  return {
    id: 'acme', name: 'Acme CRM', version: '1.0.0', category: 'crm', docsUrl: 'https://developers.acme.test/',
    auth: [{ id: 'token', type: 'api_key', label: 'API token', placement: { in: 'header', name: 'X-Api-Key' },
      fields: [{ name: 'apiKey', label: 'API key', type: 'password', required: true, secret: true }] }],
    connection: [{ name: 'subdomain', label: 'Subdomain', type: 'text', required: true, pattern: '^[a-z0-9-]+$' }],
    allowedDomains: ['*.acme.test'],
    baseUrl: 'https://{subdomain}.acme.test/api',
    objects: [{ name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'id', mapping: [{ target: 'email', source: 'email' }],
      source: { read: async function* () {}, deletes: 'reconcile' } }],
    testConnection: async () => ({ ok: true }),
    guide: { steps: ['Settings → API → create a token'] },
    ...overrides,
  };
}

describe('ConnectorRegistry', () => {
  it('registers a definition and lists it in the catalogue with form schemas', () => {
    const registry = new ConnectorRegistry();
    registry.register(definition());
    expect(registry.has('acme')).toBe(true);
    const [entry] = registry.catalogue();
    const schema = entry!.authMethods[0]!.schema as { properties: Record<string, { writeOnly?: boolean; title?: string }>; required: string[] };
    expect(schema.required).toEqual(['apiKey']);
    expect(schema.properties.apiKey).toMatchObject({ writeOnly: true, title: 'API key' });
    expect((entry!.connectionSchema as { required: string[] }).required).toEqual(['subdomain']);
  });

  it('throws when an id is registered twice', () => {
    const registry = new ConnectorRegistry();
    registry.register(definition());
    expect(() => registry.register(definition())).toThrow(DuplicateConnectorError);
  });

  it('throws a named error for an unknown id', () => {
    expect(() => new ConnectorRegistry().get('nope')).toThrow(UnknownConnectorError);
  });

  it('refuses a malformed definition naming the path of each bad field', () => {
    const bad = definition({
      version: 'one', docsUrl: 'not a url', allowedDomains: ['*.com'], baseUrl: 'https://{tenant}.acme.test',
      auth: [{ id: 'token', type: 'api_key', label: 'API token', fields: [{ name: 'apiKey', label: 'Key', type: 'password' }] }],
    });
    let error: DefinitionError | undefined;
    try { new ConnectorRegistry().register(bad); } catch (e) { error = e as DefinitionError; }
    expect(error).toBeInstanceOf(DefinitionError);
    const paths = error!.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'docsUrl', 'allowedDomains.0', 'baseUrl', 'auth.0.placement', 'auth.0.fields.0.secret']));
    expect(error!.message).toContain('auth.0.placement');
  });

  it('refuses an object without a source or a destination', () => {
    const bad = definition({ objects: [{ name: 'x', label: 'X', canonical: 'person', primaryKey: 'id', mapping: [] }] });
    expect(() => new ConnectorRegistry().register(bad)).toThrow(/objects\.0\.source/);
  });
});

describe('form fields', () => {
  it('validates a submitted form, naming a missing required field and an unknown one', () => {
    const fields = [fieldSchema.parse({ name: 'apiKey', label: 'API key', type: 'password', required: true, secret: true }),
      fieldSchema.parse({ name: 'region', label: 'Region', type: 'select', options: [{ value: 'eu', label: 'EU' }, { value: 'us', label: 'US' }] })];
    const result = fieldsToZod(fields).safeParse({ region: 'mars', extra: 1 });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}|${i.message}`).join('\n');
    expect(issues).toMatch(/apiKey/);
    expect(issues).toMatch(/region\|Region must be one of eu, us/);
    expect(issues).toMatch(/extra/);
  });
});
