/**
 * The automation API as the console reads it (snake_case, as the API answers): the org tier's
 * automations and their runs, and the platform's JSON connectors with this workspace's setting.
 */
import type { Transform } from '../types.js';

export type ChangeOp = 'insert' | 'update' | 'delete';

export type AutomationTrigger =
  | { type: 'schedule'; cron: string }
  | { type: 'change_event'; object: string; ops?: ChangeOp[] }
  | { type: 'webhook' };

/** Source field in the event (`data.email`, `externalId`) → action input. */
export interface InputMapping {
  target: string;
  source: string;
  transform?: Transform;
  valueMap?: Record<string, string | number | boolean | null>;
}

export interface LastRun {
  status: string;
  created_at: string;
  error: string | null;
}

export interface Automation {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  connector_id: string;
  action_id: string;
  mapping: InputMapping[];
  enabled: boolean;
  created_at: string;
  next_run_at?: string | null;
  last_run?: LastRun | null;
  /** Only in the answer of the write that issued the token. */
  webhook?: { url: string; token: string };
}

export interface NewAutomation {
  name: string;
  trigger: AutomationTrigger;
  connector_id: string;
  action_id: string;
  mapping: InputMapping[];
  enabled: boolean;
}

export interface AutomationRun {
  id: string;
  automation_id: string | null;
  workspace_id: string | null;
  connector_id: string;
  action_id: string;
  status: string;
  attempts: number;
  created_at: string;
  error: string | null;
}

export interface JsonConnectorAction {
  action_id: string;
  http_method: string;
  description?: string;
  inputs: Array<{ name: string; required: boolean }>;
}

export interface JsonConnector {
  connector_id: string;
  display_name: string;
  auth_type: string;
  /** The platform's kill-switch. */
  enabled: boolean;
  version: number;
  auth_fields: Array<{ name: string; label: string; type: string; required: boolean; secret: boolean; placeholder?: string; help?: string }>;
  actions: JsonConnectorAction[];
  /** This workspace's setting; null when it stored none. */
  setting: { enabled: boolean; configured: Record<string, boolean> } | null;
}
