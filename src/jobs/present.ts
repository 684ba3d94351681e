import type { JobSummary } from './driver.js';
import type { JobView } from './schemas.js';

const iso = (at: number) => new Date(at).toISOString();

/** A job as the API sends it. */
export function presentJob(job: JobSummary): JobView {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    key: job.key,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: iso(job.runAt),
    createdAt: iso(job.createdAt),
    startedAt: job.startedAt === null ? null : iso(job.startedAt),
    failedAt: job.failedAt === null ? null : iso(job.failedAt),
    lastError: job.lastError,
  };
}

const cell = (text: string, width: number) => text.slice(0, width).padEnd(width);

/**
 * The jobs as `ruche jobs` prints them: one line each, state first, then when (failed, started
 * or due), id, name and key; the last error on the next line, indented.
 */
export function formatJobLines(jobs: JobSummary[]): string[] {
  if (jobs.length === 0) return ['No job queued, running or failed.'];
  const lines = [
    `${cell('STATE', 8)} ${cell('WHEN (UTC)', 20)} ${cell('TRIES', 6)} ${cell('ID', 36)} NAME  KEY`,
  ];
  for (const job of jobs) {
    const when =
      job.state === 'failed'
        ? (job.failedAt ?? job.runAt)
        : job.state === 'running'
          ? (job.startedAt ?? job.runAt)
          : job.runAt;
    const tries = `${job.attempts}/${job.maxAttempts}`;
    const at = new Date(when).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(
      `${cell(job.state, 8)} ${cell(at, 20)} ${cell(tries, 6)} ${cell(job.id, 36)} ${job.name}  ${job.key ?? '-'}`,
    );
    if (job.lastError) lines.push(`         ${job.lastError.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return lines;
}
