/**
 * Zendesk's bulk calls answer `{ job_status: { id, status: "queued", url } }` and do the work
 * later. The job is polled at `GET /api/v2/job_statuses/{id}` until it is no longer queued or
 * working, backing off from 250 ms to 5 s (jobs usually take seconds; each poll spends rate
 * limit). By id, not by the answer's `url`, so the egress check sees only the configured host.
 */
import { ConnectorError, sleep, unwrap, type ConnectorResponse } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { jobStatusSchema, type JobStatus } from '../schemas.js';

export interface PollOptions {
  /** @default 250 */
  firstDelayMs?: number;
  /** @default 5_000 */
  maxDelayMs?: number;
  /** Past this the job's fate is unknown: a transient failure, settled by verify. @default 10 minutes */
  giveUpAfterMs?: number;
}

export type JobAnswer = { job_status: JobStatus };

/** Sends a bulk call and waits for its job; a refused call throws its ConnectorError. */
export async function runJob(ctx: ConnectorContext, send: () => Promise<ConnectorResponse<JobAnswer>>, options: PollOptions = {}): Promise<JobStatus> {
  let job = unwrap(await send()).job_status;
  let wait = options.firstDelayMs ?? 250;
  const deadline = Date.now() + (options.giveUpAfterMs ?? 10 * 60_000);
  while (job.status === 'queued' || job.status === 'working') {
    if (Date.now() + wait > deadline) {
      throw new ConnectorError(`zendesk job ${job.id} was still ${job.status} when Forgeworks stopped waiting`, { kind: 'transient', code: 'job_timeout' });
    }
    await sleep(wait, ctx.signal);
    wait = Math.min(wait * 2, options.maxDelayMs ?? 5_000);
    job = unwrap(await ctx.http.request({ url: `/api/v2/job_statuses/${encodeURIComponent(job.id)}.json`, schema: jobStatusSchema, signal: ctx.signal })).job_status;
  }
  // `failed` or `killed`: some records may have been written before it stopped, so transient.
  if (job.status !== 'completed') {
    throw new ConnectorError(`zendesk job ${job.id} ended ${job.status}${job.message ? `: ${job.message}` : ''}`, { kind: 'transient', code: `job_${job.status}` });
  }
  return job;
}
