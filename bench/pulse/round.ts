// One process, forked by run.ts once the database is seeded: runs the weekly pulse of every due
// member as the schedule does (`runPulses`: claims, the builder, composing subject, text and
// HTML, records), with a delivery that keeps the message instead of mailing it. Its own process,
// so that its peak RSS is the run's and a CPU profile (BENCH_CPU_PROF) holds nothing else.
import os from 'node:os';
import type { Config } from '../../src/config/index.js';
import { openStore, type Store } from '../../src/db/index.js';
import { runPulses, type RunCounts } from '../../src/pulse/index.js';

export interface RoundRequest {
  database: Config['database'];
  at: number;
  rounds: number;
}

export interface RoundResult {
  counts: RunCounts;
  seconds: number;
  /** CPU time of this process in the round (user + system): what the machine's load cannot inflate. */
  cpuSeconds: number;
  /** Sizes of the composed messages, to show they were built. */
  textBytes: number;
  htmlBytes: number;
  loadBefore: number;
  loadAfter: number;
}

export interface RoundsReport {
  kind: 'done';
  rounds: RoundResult[];
  /** Peak resident set of this process over every round, MB. */
  peakRssMb: number;
  sample: { subject: string; text: string } | null;
}

const config = { defaultTimeZone: 'Europe/Paris', publicUrl: 'https://ruche.example.test' };

/** Forgets what a round recorded, so the next one finds every member due again. */
async function forgetRound(s: Store): Promise<void> {
  await s.db.deleteFrom('pulse_sends').execute();
  await s.db.deleteFrom('pulse_settings').execute();
}

async function runRounds(request: RoundRequest): Promise<RoundsReport> {
  const s = openStore(request.database);
  const rounds: RoundResult[] = [];
  let sample: RoundsReport['sample'] = null;
  try {
    for (let round = 1; round <= request.rounds; round++) {
      if (round > 1) await forgetRound(s);
      let textBytes = 0;
      let htmlBytes = 0;
      const loadBefore = os.loadavg()[0] ?? 0;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const counts = await runPulses(
        s,
        config,
        (member, pulse) => {
          textBytes += Buffer.byteLength(pulse.text);
          htmlBytes += Buffer.byteLength(pulse.html);
          if (!sample && member.locale === 'fr' && pulse.text.length > 1500)
            sample = { subject: pulse.subject, text: pulse.text };
          return Promise.resolve();
        },
        { at: request.at },
      );
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      rounds.push({
        counts,
        seconds,
        cpuSeconds,
        textBytes,
        htmlBytes,
        loadBefore,
        loadAfter: os.loadavg()[0] ?? 0,
      });
      process.send?.({ kind: 'round', round, counts, seconds });
    }
  } finally {
    await s.close();
  }
  return { kind: 'done', rounds, peakRssMb: process.resourceUsage().maxRSS / 1024, sample };
}

process.once('message', (request: RoundRequest) => {
  runRounds(request).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
