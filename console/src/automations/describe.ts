/** Words for triggers and the event fields an automation's mapping can read. */
import type { AutomationTrigger } from './types.js';

export type TriggerType = AutomationTrigger['type'];

export const TRIGGER_LABELS: Record<TriggerType, string> = {
  schedule: 'Schedule',
  change_event: 'Change event',
  webhook: 'Inbound webhook',
};

export function describeTrigger(trigger: AutomationTrigger): string {
  switch (trigger.type) {
    case 'schedule': return `cron ${trigger.cron} (UTC)`;
    case 'change_event': return `${(trigger.ops ?? ['insert', 'update', 'delete']).join(', ')} of ${trigger.object}`;
    default: return 'POST /hooks/automations/…';
  }
}

/** What the event of each trigger carries, as mapping sources (`data.*` is the record or the posted body). */
export const SOURCE_SUGGESTIONS: Record<TriggerType, string[]> = {
  change_event: ['externalId', 'op', 'object', 'seq', 'workspaceId', 'data.email', 'data.firstName', 'data.lastName', 'data.name', 'data.domain', 'data.title', 'data.phone'],
  schedule: ['workspaceId', 'data.scheduledAt'],
  webhook: ['workspaceId', 'data.id', 'data.email', 'data.name'],
};
