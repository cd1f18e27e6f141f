export { startBoss, enqueueSync, enqueueLoad, QUEUES, type SyncJobData, type LoadJobData } from './queues.js';
export { enqueueDueStreams, nextRun } from './scheduler.js';
export { handleSyncJob, startSyncWorkers } from './sync-worker.js';
export { dispatchAutomationEvents, enqueueAutomationJob, startAutomationWorkers, AUTOMATION_RETRY_LIMIT } from './automation-worker.js';
