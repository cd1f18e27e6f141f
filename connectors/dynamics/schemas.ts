/**
 * zod schemas for every Dataverse answer the connector reads: collection pages (records, a
 * change-tracking delta's deleted entries, `@odata.nextLink` / `@odata.deltaLink`), error
 * bodies and WhoAmI. Loose objects: a table gains columns over time, and one the connector does
 * not read must not break a sync.
 */
import { z } from 'zod';
import type { DataverseEntity } from './entities.js';
import { deltaTokenOf, relativeLink } from './odata.js';

/** A change-tracking delta's deleted entry: `{ "@odata.context": "…/$deletedEntity", id, reason }`. */
export const deletedEntrySchema = z.looseObject({
  '@odata.context': z.string().regex(/\$deletedEntity$/),
  id: z.string().min(1),
  reason: z.enum(['deleted', 'changed']).optional(),
});

export type DeletedEntry = z.output<typeof deletedEntrySchema>;
export type Row = Record<string, unknown>;

export function rowSchema(entity: DataverseEntity) {
  return z.looseObject({ [entity.primaryKey]: z.string().min(1), modifiedon: z.string().nullable().optional() });
}

export type PageItem = { deleted: DeletedEntry } | { row: Row };

/**
 * One page of a collection, read into the shape the paginator walks: the items, the next page
 * as a path on the configured host (`next`), and on the last page of a change-tracking read the
 * `$deltatoken` to ask for the changes after it.
 */
export function pageSchema(entity: DataverseEntity) {
  const item = z.union([deletedEntrySchema.transform((deleted): PageItem => ({ deleted })), rowSchema(entity).transform((row): PageItem => ({ row }))]);
  return z.looseObject({
    value: z.array(item),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
  }).transform((body) => ({
    items: body.value,
    next: body['@odata.nextLink'] === undefined ? undefined : relativeLink(body['@odata.nextLink']),
    delta: body['@odata.deltaLink'] === undefined ? undefined : deltaTokenOf(body['@odata.deltaLink']),
  }));
}

export type Page = z.output<ReturnType<typeof pageSchema>>;

/** A plain collection answer (`$filter` reads by id or natural key). */
export function rowsSchema(entity: DataverseEntity) {
  return z.looseObject({ value: z.array(rowSchema(entity)) }).transform((body) => body.value as Row[]);
}

/** `{ "error": { "code": "0x80044331", "message": "…" } }`; `code` is often empty. */
export const errorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
});

export const whoAmISchema = z.looseObject({ UserId: z.string(), BusinessUnitId: z.string(), OrganizationId: z.string() });
