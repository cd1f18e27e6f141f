/**
 * Zendesk's background jobs (`create_many`, `update_many`, `destroy_many`): the call answers a
 * `job_status` at once (`queued`), the writes happen later, and `GET /api/v2/job_statuses/{id}`
 * reports `working` and then `completed` with per-record `results`. Jobs run when the sandbox
 * next handles a request after their due time, so an injected clock decides, never a timer.
 */
import { seededRng, type Clock } from '../../../src/sandbox/index.js';

export type JobResult = Record<string, unknown>;

interface Job {
  id: string;
  jobType: string;
  total: number;
  createdAt: number;
  dueAt: number;
  run: () => JobResult[];
  results?: JobResult[];
}

export class JobBook {
  private readonly jobs = new Map<string, Job>();
  private readonly rng: () => number;

  /** @param delayMs how long a job takes from queued to completed */
  constructor(private readonly clock: Clock, private readonly delayMs: number, seed: number) {
    this.rng = seededRng(seed + 7);
  }

  enqueue(jobType: string, total: number, run: () => JobResult[]): string {
    const id = Array.from({ length: 32 }, () => Math.floor(this.rng() * 16).toString(16)).join('');
    const now = this.clock.now();
    this.jobs.set(id, { id, jobType, total, createdAt: now, dueAt: now + this.delayMs, run });
    return id;
  }

  /** Runs every due job, oldest first; called before each request is handled. */
  settle(): void {
    const now = this.clock.now();
    for (const job of this.jobs.values()) if (!job.results && job.dueAt <= now) job.results = job.run();
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  render(id: string, baseUrl: string): Record<string, unknown> {
    const job = this.jobs.get(id)!;
    const now = this.clock.now();
    const status = job.results ? 'completed' : now >= job.createdAt + this.delayMs / 2 ? 'working' : 'queued';
    return {
      job_status: {
        id: job.id, url: `${baseUrl}/api/v2/job_statuses/${job.id}.json`, job_type: job.jobType, total: job.total,
        progress: job.results ? job.total : status === 'working' ? 0 : null, status,
        message: job.results ? `Completed at ${new Date(now).toISOString()}` : null, results: job.results ?? null,
      },
    };
  }
}
