/**
 * The shared destination conformance suite, unchanged, for issues: flat Jira field names in
 * (plain-text description, status by name), Jira's own refusal (a missing summary) named back
 * per record from the bulk create's `errors[].elementErrors`.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { jiraDefinition } from './definition.js';
import { jiraConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);

destinationConformance({
  definition: jiraDefinition, start: () => jiraConformanceSandbox(), object: 'issues',
  validRecord: (i) => ({ summary: `Conformance issue ${i} (${run})`, description: `Created by the conformance suite.\n\nRecord ${i}.`, priority: 'High', labels: ['conformance'] }),
  invalidRecord: () => ({ record: { description: 'No summary at all' }, field: 'summary' }),
  update: { fields: { summary: 'Updated by conformance', status: 'In Progress', description: 'Rewritten.\nSecond line.' }, read: (record, field) => record[field] },
});
