import { z } from 'zod';
import type { CatalogueEntry } from '../../registry/index.js';

const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema (draft 2020-12) a form is drawn from.' });

export const catalogueEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  category: z.string(),
  docsUrl: z.string(),
  description: z.string(),
  allowedDomains: z.array(z.string()),
  authMethods: z.array(z.object({ id: z.string(), type: z.string(), label: z.string(), schema: jsonSchema, scopes: z.array(z.string()) })),
  connectionSchema: jsonSchema,
  objects: z.array(z.object({ name: z.string(), label: z.string(), canonical: z.string(), source: z.boolean(), destination: z.boolean() })),
  messaging: z.boolean(),
  guide: z.object({ steps: z.array(z.string()), scopes: z.array(z.string()), limits: z.string().optional() }),
  hasSandbox: z.boolean(),
}).meta({ id: 'Connector' });

type Assert<T extends true> = T;
export type _EntryFits = Assert<CatalogueEntry extends z.input<typeof catalogueEntrySchema> ? true : false>;
