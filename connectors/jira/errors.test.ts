/**
 * Jira's own error bodies into the platform's taxonomy: the ErrorCollection's `errors` name the
 * fields, the bulk create's per-input errors do too, a 401 is plain text with its reason in a
 * header, a 429 names its limit. Then the same on the wire, from the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraErrorParser } from './errors.js';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';
import { drain, issueDestination, jiraContext, sourceOf } from './test-context.js';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers, body });

describe('Jira error parsing', () => {
  it('names the fields of an ErrorCollection and keeps its messages', () => {
    const details = jiraErrorParser(response(400, { errorMessages: ['Issue type is a sub-task but parent issue key or id not specified.'], errors: { summary: 'You must specify a summary of the issue.', customfield_10016: 'Operation value must be a number.' } }));
    expect(details?.fields).toEqual([
      { field: 'summary', message: 'You must specify a summary of the issue.' },
      { field: 'customfield_10016', message: 'Operation value must be a number.' },
    ]);
    expect(details?.message).toContain('Issue type is a sub-task');
    expect(details?.message).toContain('summary: You must specify a summary of the issue.');
  });

  it('reads the 404 of a deleted issue as a message without fields', () => {
    const details = jiraErrorParser(response(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }));
    expect(details).toMatchObject({ message: 'Issue does not exist or you do not have permission to see it.', fields: [] });
  });

  it('collects the fields of a bulk create refused whole (every input failed)', () => {
    const body = {
      issues: [],
      errors: [
        { status: 400, elementErrors: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } }, failedElementNumber: 0 },
        { status: 400, elementErrors: { errorMessages: [], errors: { labels: "The label 'a b' contains spaces which is invalid." } }, failedElementNumber: 1 },
      ],
    };
    expect(jiraErrorParser(response(400, body))?.fields?.map((f) => f.field)).toEqual(['summary', 'labels']);
  });

  it('reads a plain-text 401 and its X-Seraph-LoginReason', () => {
    const details = jiraErrorParser(response(401, 'Client must be authenticated to access this resource.', { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }));
    expect(details).toMatchObject({ code: 'AUTHENTICATED_FAILED' });
    expect(details?.message).toContain('Client must be authenticated');
  });

  it('names the limit a 429 hit from RateLimit-Reason', () => {
    const details = jiraErrorParser(response(429, { errorMessages: ['Rate limit exceeded.'] }, { 'ratelimit-reason': 'jira-per-issue-on-write', 'retry-after': '3' }));
    expect(details).toMatchObject({ code: 'jira-per-issue-on-write', message: 'Rate limit exceeded. (jira-per-issue-on-write)' });
  });
});

describe('Jira errors on the wire', () => {
  let sandbox: JiraSandbox;
  beforeAll(async () => { sandbox = await startJiraSandbox({ seed: { issues: 5 } }); });
  afterAll(async () => sandbox.stop());

  it('refuses an edit naming each bad field, as validation', async () => {
    const ctx = await jiraContext(sandbox);
    const [id] = sandbox.store.issues.list().map((e) => e.id);
    const res = await ctx.http.request({ method: 'PUT', url: `/rest/api/3/issue/${id}`, json: { fields: { description: 'plain text is not ADF', labels: ['two words'], status: { name: 'Done' } } } });
    expect(res.error?.kind).toBe('validation');
    expect(Object.fromEntries(res.error!.fields.map((f) => [f.field, f.message]))).toEqual({
      description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      labels: "The label 'two words' contains spaces which is invalid.",
      status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('reports a refused input of a bulk create per record, with its fields', async () => {
    const ctx = await jiraContext(sandbox);
    const outcomes = await issueDestination().create(ctx, [{ summary: 'Fine' }, { summary: 'Bad priority', priority: 'Urgentest' }], { idempotencyKeys: ['a', 'b'] });
    expect(outcomes[0]!.ok).toBe(true);
    const failed = outcomes[1]!;
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ kind: 'validation', fields: [{ field: 'priority' }] });
  });

  it('fails a read as permanent on a wrong API token, sending it once, the token nowhere in the error', async () => {
    const ctx = await jiraContext({ ...sandbox, apiToken: 'ATATT3xFfGF0-not-the-token' } as JiraSandbox);
    sandbox.server.clearLog();
    const error = await drain(sourceOf('issues'), ctx, { cursor: null, mode: 'full' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', status: 401, code: 'AUTHENTICATED_FAILED' });
    expect(sandbox.server.requestLog).toHaveLength(1);
    expect(JSON.stringify(error)).not.toContain('not-the-token');
  });

  it('names the offending query of a JQL the search refuses', async () => {
    const ctx = await jiraContext(sandbox);
    const res = await ctx.http.request({ url: '/rest/api/3/search/jql', query: { jql: "updated >= '2024-13-45 10:00'" } });
    expect(res.error?.kind).toBe('validation');
    expect(res.error?.message).toContain("Date value '2024-13-45 10:00' for field 'updated' is invalid");
  });
});
