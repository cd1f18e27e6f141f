/**
 * SDK fidelity: jira.js, the established Node client for Jira Cloud, untouched, against the
 * sandbox with Basic auth (email + API token) and `host` set to the sandbox's URL. If jira.js
 * needs a path, a header, a status or a body shape the sandbox does not give, these fail.
 */
import { HttpException, Version3Client, type Version3Models } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';

let sandbox: JiraSandbox;
let client: Version3Client;

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected jira.js to reject'); }, (e: unknown) => e as HttpException);
const bodyOf = (error: HttpException) => (error.response as { data: { errorMessages: string[]; errors: Record<string, string> } }).data;

beforeAll(async () => {
  sandbox = await startJiraSandbox({ seed: { issues: 25 }, rateLimit: false });
  client = new Version3Client({ host: sandbox.baseUrl, authentication: { basic: { email: sandbox.email, apiToken: sandbox.apiToken } } });
});
afterAll(async () => sandbox.stop());

describe('jira.js Version3Client against the Jira sandbox', () => {
  it('pages the enhanced JQL search with nextPageToken until isLast', async () => {
    const jql = 'project in (SBX, OPS) ORDER BY key ASC';
    const keys: string[] = [];
    let nextPageToken: string | undefined;
    let pages = 0;
    do {
      // jira.js's model leaves out `isLast`, which Jira answers; the type is widened, not the client.
      const page: Version3Models.SearchAndReconcileResults & { isLast?: boolean } = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, maxResults: 10, fields: ['summary', 'status'], nextPageToken });
      pages++;
      for (const issue of page.issues ?? []) {
        expect(issue.fields.summary).toEqual(expect.any(String));
        expect(issue.fields.status?.name).toEqual(expect.any(String));
        keys.push(issue.key);
      }
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    expect(pages).toBe(3);
    expect(keys).toHaveLength(25);
    expect(new Set(keys).size).toBe(25);
    const order = (key: string) => [key.split('-')[0]!, Number(key.split('-')[1])] as const;
    const sorted = [...keys].sort((a, b) => order(a)[0].localeCompare(order(b)[0]) || order(a)[1] - order(b)[1]);
    expect(keys).toEqual(sorted);

    const posted = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql, maxResults: 5, fields: ['summary'] });
    expect(posted.issues?.map((i) => i.key)).toEqual(keys.slice(0, 5));
    expect(posted.nextPageToken).toEqual(expect.any(String));
  });

  it('creates, reads, edits, transitions and deletes an issue', async () => {
    const created = await client.issues.createIssue({
      fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'Created through jira.js', description: 'Plain text, sent as ADF by the client', labels: ['sdk'] },
    });
    expect(created.key).toMatch(/^SBX-\d+$/);
    expect(created.self).toBe(`${sandbox.baseUrl}/rest/api/3/issue/${created.id}`);

    const read = await client.issues.getIssue({ issueIdOrKey: created.key });
    expect(read.id).toBe(created.id);
    expect(read.fields.summary).toBe('Created through jira.js');
    expect(read.fields.status.name).toBe('To Do');
    expect(read.fields.labels).toEqual(['sdk']);
    expect(read.fields.description).toMatchObject({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Plain text, sent as ADF by the client' }] }] });
    expect(read.fields.reporter?.accountId).toBe(sandbox.accountId);

    await client.issues.editIssue({ issueIdOrKey: created.key, fields: { summary: 'Edited through jira.js' }, update: { labels: [{ add: 'edited' }] } });
    const edited = await client.issues.getIssue({ issueIdOrKey: created.id, fields: ['summary', 'labels'] });
    expect(edited.fields.summary).toBe('Edited through jira.js');
    expect(edited.fields.labels).toEqual(['sdk', 'edited']);
    expect(Object.keys(edited.fields).sort()).toEqual(['labels', 'summary']);

    const { transitions } = await client.issues.getTransitions({ issueIdOrKey: created.key });
    expect(transitions?.map((t) => t.name)).toEqual(['Start progress']);
    await client.issues.doTransition({ issueIdOrKey: created.key, transition: { id: transitions![0]!.id! } });
    expect((await client.issues.getIssue({ issueIdOrKey: created.key, fields: ['status'] })).fields.status.name).toBe('In Progress');
    const wrongStep = await failure(client.issues.doTransition({ issueIdOrKey: created.key, transition: { id: '51' } }));
    expect(wrongStep.status).toBe(400);

    await client.issues.deleteIssue({ issueIdOrKey: created.key });
    const gone = await failure(client.issues.getIssue({ issueIdOrKey: created.key }));
    expect(gone).toBeInstanceOf(HttpException);
    expect(gone.status).toBe(404);
    expect(bodyOf(gone).errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
  });

  it('reads the current user with myself.getCurrentUser', async () => {
    const me = await client.myself.getCurrentUser();
    expect(me).toMatchObject({ accountId: sandbox.accountId, accountType: 'atlassian', emailAddress: sandbox.email, active: true });
    expect(me.self).toBe(`${sandbox.baseUrl}/rest/api/3/user?accountId=${sandbox.accountId}`);
  });

  it('bulk-creates issues with createIssues: the refused one named by failedElementNumber', async () => {
    const answer = await client.issues.createIssues({
      issueUpdates: [
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Bug' }, summary: 'Bulk one' } },
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Bug' } } },
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Story' }, summary: 'Bulk three' } },
      ],
    });
    expect(answer.issues?.map((i) => i.key)).toEqual([expect.stringMatching(/^OPS-\d+$/), expect.stringMatching(/^OPS-\d+$/)]);
    expect(answer.errors).toMatchObject([{ status: 400, failedElementNumber: 1, elementErrors: { errors: { summary: 'You must specify a summary of the issue.' } } }]);
    const found = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: `key in (${answer.issues!.map((i) => i.key).join(', ')}) ORDER BY key`, fields: ['summary', 'issuetype'] });
    expect(found.issues?.map((i) => [i.fields.summary, i.fields.issuetype?.name])).toEqual([['Bulk one', 'Bug'], ['Bulk three', 'Story']]);
  });

  it('pages users with startAt and maxResults, and reads one by accountId', async () => {
    const first = await client.users.getAllUsers({ startAt: 0, maxResults: 4 });
    const rest = await client.users.getAllUsers({ startAt: 4, maxResults: 50 });
    expect(first).toHaveLength(4);
    const all = [...first, ...rest];
    expect(all).toHaveLength(sandbox.store.users.list().length);
    expect(new Set(all.map((u) => u.accountId)).size).toBe(all.length);
    expect(all.some((u) => u.accountType === 'app')).toBe(true);
    const one = await client.users.getUser({ accountId: rest[0]!.accountId });
    expect(one).toMatchObject({ accountId: rest[0]!.accountId, displayName: rest[0]!.displayName });
    expect((await failure(client.users.getUser({ accountId: '000000000000000000000000' }))).status).toBe(404);
  });

  it('surfaces a refused create as a 400 with errors keyed by field', async () => {
    const error = await failure(client.issues.createIssue({ fields: { project: { key: 'NOPE' }, issuetype: { name: 'Task' }, summary: '', labels: ['has space'] } }));
    expect(error.status).toBe(400);
    expect(bodyOf(error)).toEqual({
      errorMessages: [],
      errors: { project: 'Specify a valid project ID or key', summary: 'You must specify a summary of the issue.', labels: "The label 'has space' contains spaces which is invalid." },
    });
  });

  it('answers a wrong API token with 401', async () => {
    const stranger = new Version3Client({ host: sandbox.baseUrl, authentication: { basic: { email: sandbox.email, apiToken: 'not-the-token' } } });
    const error = await failure(stranger.myself.getCurrentUser());
    expect(error.status).toBe(401);
  });
});
