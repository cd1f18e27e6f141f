export { httpConnectorSchema, allowedDomainSchema, actionSchema, HTTP_AUTH_TYPES, type HttpConnectorDefinition, type HttpAction } from './definition.js';
export { analyseTemplate, renderTemplate, TemplateError } from './template.js';
export { runHttpAction, type ActionOutcome, type RunActionInput } from './handler.js';
export { WorkspaceSettings, type SettingState } from './settings.js';
export { HttpConnectorStore, HttpConnectorConflict, type StoredHttpConnector } from './store.js';
export { automationSchema, triggerSchema, claimChangeEvents, claimScheduledRuns, runAutomationJob, type AutomationJob, type AutomationDeps, type AutomationInput, type AutomationEvent } from './automations.js';
