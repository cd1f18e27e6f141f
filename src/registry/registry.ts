import { definitionSchema, type ConnectorDefinition, type ConnectorDefinitionInput } from './definition.js';
import { DefinitionError, DuplicateConnectorError, UnknownConnectorError } from './errors.js';
import { fieldsToJsonSchema } from './fields.js';

/** What the catalogue shows of a connector: data only, with the JSON Schemas its forms are drawn from. */
export interface CatalogueEntry {
  id: string;
  name: string;
  version: string;
  category: string;
  docsUrl: string;
  description: string;
  allowedDomains: string[];
  authMethods: Array<{ id: string; type: string; label: string; schema: Record<string, unknown>; scopes: string[] }>;
  connectionSchema: Record<string, unknown>;
  objects: Array<{ name: string; label: string; canonical: string; source: boolean; destination: boolean }>;
  messaging: boolean;
  guide: ConnectorDefinition['guide'];
  hasSandbox: boolean;
}

export class ConnectorRegistry {
  private readonly definitions = new Map<string, ConnectorDefinition>();

  /** Validates and registers; a malformed definition or a second registration of an id throws. */
  register(input: ConnectorDefinitionInput): ConnectorDefinition {
    const id = typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '(no id)';
    const parsed = definitionSchema.safeParse(input);
    if (!parsed.success) throw DefinitionError.fromZod(id, parsed.error);
    if (this.definitions.has(parsed.data.id)) throw new DuplicateConnectorError(parsed.data.id);
    this.definitions.set(parsed.data.id, parsed.data);
    return parsed.data;
  }

  get(id: string): ConnectorDefinition {
    const definition = this.definitions.get(id);
    if (!definition) throw new UnknownConnectorError(id);
    return definition;
  }

  has(id: string): boolean {
    return this.definitions.has(id);
  }

  list(): ConnectorDefinition[] {
    return [...this.definitions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  catalogue(): CatalogueEntry[] {
    return this.list().map(catalogueEntry);
  }
}

export function catalogueEntry(def: ConnectorDefinition): CatalogueEntry {
  return {
    id: def.id, name: def.name, version: def.version, category: def.category, docsUrl: def.docsUrl, description: def.description,
    allowedDomains: def.allowedDomains,
    authMethods: def.auth.map((m) => ({ id: m.id, type: m.type, label: m.label, schema: fieldsToJsonSchema(m.fields), scopes: m.oauth?.scopes ?? [] })),
    connectionSchema: fieldsToJsonSchema(def.connection),
    objects: def.objects.map((o) => ({ name: o.name, label: o.label, canonical: o.canonical, source: Boolean(o.source), destination: Boolean(o.destination) })),
    messaging: Boolean(def.messaging),
    guide: def.guide,
    hasSandbox: Boolean(def.sandbox),
  };
}
