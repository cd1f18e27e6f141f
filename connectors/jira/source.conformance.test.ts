/**
 * The shared source conformance suite, unchanged, for issues (the enhanced JQL search, 100 a
 * page) and users (`users/search`, 1,000 a page; the suite seeds 2.5 pages of each).
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { jiraDefinition } from './definition.js';
import { ISSUE_PAGE_SIZE } from './issues-source.js';
import { jiraConformanceSandbox } from './sandbox/index.js';
import { USER_PAGE_SIZE } from './users-source.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString() });

sourceConformance({ definition: jiraDefinition, start: () => jiraConformanceSandbox(), object: 'issues', pageSize: ISSUE_PAGE_SIZE, futureCursor });
sourceConformance({ definition: jiraDefinition, start: () => jiraConformanceSandbox(), object: 'users', pageSize: USER_PAGE_SIZE, futureCursor });
