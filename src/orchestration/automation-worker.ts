/**
 * Automation jobs on pg-boss: each tick hands out new change events as jobs; a job runs the
 * generic handler. A transient failure is thrown so pg-boss retries it with backoff; on the
 * last attempt it is recorded as dead instead (the automation's dead letter).
 */
import type PgBoss from 'pg-boss';
import { claimChangeEvents, claimScheduledRuns, runAutomationJob, type AutomationDeps, type AutomationJob } from '../http-connectors/index.js';
import { nextRun } from './scheduler.js';
import { QUEUES } from './queues.js';

export const AUTOMATION_RETRY_LIMIT = 5;

export async function dispatchAutomationEvents(boss: PgBoss, deps: AutomationDeps): Promise<number> {
  const jobs = [...await claimChangeEvents(deps.pool), ...await claimScheduledRuns(deps.pool, nextRun)];
  for (const job of jobs) await boss.send(QUEUES.automation, job, { retryLimit: AUTOMATION_RETRY_LIMIT, retryDelay: 2, retryBackoff: true });
  return jobs.length;
}

/** An inbound webhook's event, as a job (the route checked the signature and the workspace). */
export async function enqueueAutomationJob(boss: PgBoss, job: AutomationJob): Promise<void> {
  await boss.send(QUEUES.automation, job, { retryLimit: AUTOMATION_RETRY_LIMIT, retryDelay: 2, retryBackoff: true });
}

export async function startAutomationWorkers(boss: PgBoss, deps: AutomationDeps): Promise<void> {
  await boss.work<AutomationJob>(QUEUES.automation, { pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      const attempt = job.retryCount + 1;
      const outcome = await runAutomationJob(deps, job.data, attempt, attempt > AUTOMATION_RETRY_LIMIT);
      const transient = outcome.status === 'ran' && !outcome.response.ok && outcome.response.error?.kind === 'transient';
      if (transient && attempt <= AUTOMATION_RETRY_LIMIT) throw new Error(`transient failure, attempt ${attempt}: retrying`);
    }
  });
}
