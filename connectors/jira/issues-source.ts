/**
 * Issues as a source: the enhanced JQL search, `GET /rest/api/3/search/jql`, for issues updated
 * at or after the lower bound, oldest first, paged by Jira's `nextPageToken` through the declared
 * cursor-token paginator. Full and incremental reads are the same query with a different bound
 * (the search refuses unbounded JQL, so a full read starts at the epoch). Jira has no feed of
 * deleted issues: deletes are found by reconciliation after a full read.
 *
 * JQL has minute resolution, so the query starts up to a minute before the bound; issues older
 * than the exact bound are dropped here, and the lookback re-reads the rest on purpose. A token
 * Jira no longer knows (they expire after 7 days) restarts the query at the high-water mark.
 */
import { isConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../src/registry/index.js';
import { paginate, type PaginatorSpec } from '../../src/stream/index.js';
import { finishedSince, raise, startingState, type IssueReadState } from './issues-cursor.js';
import { updatedSinceJql } from './jql.js';
import { userTimeZone } from './myself.js';
import { issueRecord } from './records.js';
import { searchPageSchema, type JiraIssue } from './schemas.js';

export const SEARCH_PATH = '/rest/api/3/search/jql';

/**
 * Issues per page. Jira serves up to 5,000 when only ids are asked for and fewer with fields;
 * the token paging copes with whatever it sends.
 */
export const ISSUE_PAGE_SIZE = 100;

/** The fields the default mapping reads, plus `updated` for the cursor. */
export const ISSUE_FIELDS = ['summary', 'status', 'priority', 'issuetype', 'project', 'assignee', 'reporter', 'labels', 'duedate', 'description', 'created', 'updated'];

const NEXT_PAGE_TOKEN: PaginatorSpec = { type: 'cursor_token', tokenParam: 'nextPageToken', tokenPath: 'nextPageToken', limitParam: 'maxResults', limit: ISSUE_PAGE_SIZE };

const updatedMs = (issue: JiraIssue) => Date.parse(issue.fields.updated ?? '');

async function* readIssues(ctx: ConnectorContext, options: ReadOptions): AsyncGenerator<Page> {
  const start = startingState(options.cursor, options.mode, new Date());
  if ('finished' in start) return yield { records: [], cursor: start.finished, hasMore: false };
  const since = start.since;
  let state: IssueReadState = start.state;
  let resuming = state.token !== undefined && state.jql !== undefined;
  for (;;) {
    const jql = resuming ? state.jql! : updatedSinceJql(Date.parse(state.from), await userTimeZone(ctx));
    const fromMs = Date.parse(state.from);
    let fetched = false;
    try {
      const pages = paginate(ctx, {
        request: { url: SEARCH_PATH, query: { jql, fields: ISSUE_FIELDS.join(',') } }, paginator: NEXT_PAGE_TOKEN, recordsPath: 'issues',
        start: resuming ? { token: state.token } : null, schema: searchPageSchema,
      });
      for await (const page of pages) {
        fetched = true;
        // The minute-rounded query reaches back before the exact bound: those were read before.
        const issues = page.body.issues.filter((issue) => !(updatedMs(issue) < fromMs));
        let high = state.high;
        for (const issue of issues) high = raise(high, issue.fields.updated);
        state = { ...state, jql, token: page.next?.token, high };
        const records = issues.map(issueRecord);
        if (!page.next) return yield { records, cursor: { since: finishedSince(state, since) }, hasMore: false };
        yield { records, cursor: since === undefined ? { read: state } : { since, read: state }, hasMore: true };
      }
      return;
    } catch (error) {
      if (fetched || !resuming || !isConnectorError(error) || error.kind !== 'validation') throw error;
      ctx.logger.warn({ object: 'issues', high: state.high }, 'Jira refused the saved nextPageToken; restarting the search at the high-water mark');
      state = { ...state, from: state.high ?? state.from, jql: undefined, token: undefined };
      resuming = false;
    }
  }
}

export const issuesSource: SourceOperations = { deletes: 'reconcile', read: (ctx, options) => readIssues(ctx, options) };
