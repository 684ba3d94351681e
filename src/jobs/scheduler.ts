import type { JobDefinition, JobLog } from './define.js';
import { latestOccurrence } from './schedule.js';

/**
 * Every instance runs this: each tick, each scheduled job's latest occurrence is queued under
 * its occurrence key, which only the first instance gets (./schedule.ts `occurrenceKey`). So an
 * occurrence runs once across instances, and one missed while no instance ran (a restart)
 * runs at the next start — the latest only, never a backlog.
 */
export function startScheduler(
  definitions: JobDefinition[],
  queueOccurrence: (definition: JobDefinition, occurrence: number) => Promise<unknown>,
  tickMs: number,
  log: JobLog,
) {
  const scheduled = definitions.filter((d) => d.schedule !== null);
  // What this instance already queued (or found taken): no need to ask the database again.
  const done = new Map<string, number>();
  let ticking: Promise<void> | undefined;

  async function tick() {
    for (const definition of scheduled) {
      if (!definition.schedule) continue;
      const occurrence = latestOccurrence(definition.schedule, Date.now());
      if (done.get(definition.name) === occurrence) continue;
      try {
        await queueOccurrence(definition, occurrence);
        done.set(definition.name, occurrence);
      } catch (err) {
        log.error({ err, job: definition.name }, 'queueing a scheduled job failed');
      }
    }
  }
  function run() {
    ticking ??= tick().finally(() => {
      ticking = undefined;
    });
  }

  const timer = setInterval(run, tickMs);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await ticking;
    },
  };
}

/** Often enough that no occurrence is skipped, and an hourly job is at most 30 s late. */
export function tickFor(definitions: JobDefinition[]): number {
  const intervals = definitions.flatMap((d) =>
    d.schedule && 'everyMs' in d.schedule ? [d.schedule.everyMs] : [],
  );
  return Math.min(30_000, ...intervals);
}
