/**
 * The default mappings, applied as the stream applies them (preparePage validates the canonical
 * schema): issues as activities, users as people, and the load mapping back. Also ADF ↔ text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMapping, mappingSchema } from '../../src/canonical/index.js';
import { scrubGeneric } from '../../src/core/index.js';
import { preparePage } from '../../src/stream/index.js';
import { adfToText, textToAdf } from './adf.js';
import { issueDestinationMapping, issueMapping, userMapping } from './mappings.js';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';
import { drain, jiraContext, sourceOf } from './test-context.js';

describe('default mappings against what the sandbox serves', () => {
  let sandbox: JiraSandbox;
  beforeAll(async () => { sandbox = await startJiraSandbox({ seed: { users: 10, issues: 12 } }); });
  afterAll(async () => sandbox.stop());

  it('maps issues to activities: type from the issue type, time from updated, person from the assignee', async () => {
    const ctx = await jiraContext(sandbox);
    const records = (await drain(sourceOf('issues'), ctx, { cursor: null, mode: 'full' })).flatMap((p) => p.records);
    const { rows, rejected } = preparePage(records, { canonical: 'activity', mapping: mappingSchema.parse(issueMapping), scrub: scrubGeneric });
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(12);
    const assigned = sandbox.store.issues.list().find((e) => e.data.assignee !== null)!;
    const row = rows.find((r) => r.externalId === assigned.id)!;
    expect(row.data).toMatchObject({
      externalId: assigned.id, type: expect.stringMatching(/^(task|bug|story)$/),
      occurredAt: new Date(assigned.updatedAt).toISOString(), personExternalId: assigned.data.assignee,
      properties: { key: `${assigned.data.projectKey}-${assigned.data.number}`, summary: assigned.data.summary, status: expect.any(String), priority: expect.any(String) },
    });
    // The description arrives as ADF; the activity carries its text.
    expect((row.data.properties as Record<string, unknown>).description).toMatch(/^Reported by a customer on ticket \d+\.\n\nSteps:\nOpen the page\nWait a minute$/);
  });

  it('maps users to people with first and last name, email only where visible, and skips bots', async () => {
    const ctx = await jiraContext(sandbox);
    const records = (await drain(sourceOf('users'), ctx, { cursor: null, mode: 'full' })).flatMap((p) => p.records);
    expect(records.map((r) => (r.data as { accountType?: string }).accountType)).not.toContain('app');
    const { rows, rejected } = preparePage(records, { canonical: 'person', mapping: mappingSchema.parse(userMapping), scrub: scrubGeneric });
    expect(rejected).toEqual([]);
    const me = rows.find((r) => r.externalId === sandbox.accountId)!;
    expect(me.data).toMatchObject({ email: 'integration@example.com', firstName: 'Forgeworks', lastName: 'Integration', properties: { accountType: 'atlassian', timeZone: 'America/Los_Angeles' } });
    const hidden = sandbox.store.users.list({ filter: (u) => !u.data.emailVisible && u.data.accountType === 'atlassian' })[0]!;
    expect(rows.find((r) => r.externalId === hidden.id)!.data.email).toBeUndefined();
  });

  it('maps a canonical activity to the flat issue fields a load writes', () => {
    const { record, errors } = applyMapping({
      externalId: 'x', type: 'task', occurredAt: '2024-05-01T10:00:00Z', personExternalId: '5b10ac8d82e05b22cc7d4ef5',
      properties: { summary: 'Call back', description: 'Line one\nLine two', priority: 'High', status: 'In Progress', labels: ['crm'], project: 'OPS' },
    }, mappingSchema.parse(issueDestinationMapping));
    expect(errors).toEqual([]);
    expect(record).toEqual({ summary: 'Call back', description: 'Line one\nLine two', priority: 'High', status: 'In Progress', labels: ['crm'], project: 'OPS', assignee: '5b10ac8d82e05b22cc7d4ef5' });
  });
});

describe('Atlassian Document Format', () => {
  it('turns plain text into paragraphs and hard breaks, and back', () => {
    const doc = textToAdf('First line\nsecond line\r\n\r\n\r\nNext paragraph  ');
    expect(doc).toEqual({
      type: 'doc', version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Next paragraph' }] },
      ],
    });
    expect(adfToText(doc)).toBe('First line\nsecond line\n\nNext paragraph');
    expect(textToAdf('')).toEqual({ type: 'doc', version: 1, content: [] });
  });

  it('keeps the readable words of rich content: mentions, emoji, links, lists, code, quotes, tables', () => {
    const doc = {
      type: 'doc', version: 1, content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan', marks: [{ type: 'strong' }] }] },
        { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'abc', text: '@Ada' } }, { type: 'text', text: ' see ' }, { type: 'inlineCard', attrs: { url: 'https://example.com' } }, { type: 'emoji', attrs: { shortName: ':tada:', text: '🎉' } }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
        { type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] }] },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'select 1;' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'panel', attrs: { panelType: 'info' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'in a panel' }] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] }] }] },
      ],
    };
    expect(adfToText(doc)).toBe('Plan\n\n@Ada see https://example.com🎉\n\n- one\n- two\n\n3. three\n\nselect 1;\n\n> quoted\n\nin a panel\n\na | b');
    expect(adfToText(null)).toBe('');
    expect(adfToText({ not: 'adf' })).toBe('');
  });
});
