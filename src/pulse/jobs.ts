import { z } from 'zod';
import { defineJob } from '../jobs/index.js';
import type { Mailer, Unsubscribe } from '../mail/index.js';
import { mailPulse } from './mail.js';
import { runPulses, type PulseConfig } from './send.js';

/**
 * Every few minutes (PULSE_CHECK_SECONDS), on whichever instance takes the occurrence: the pulse
 * of each member whose local morning has come. Each pulse is claimed per member and period, so a
 * second instance, an overlapping run or `ruche pulse send` never sends one twice; a run whose
 * mails partly failed throws, and its retry sends only what was not sent.
 */
export function pulseScheduleJob(
  deps: { mailer: Mailer; unsubscribe: Unsubscribe; publicUrl: string },
  config: PulseConfig & { checkMs: number },
) {
  return defineJob({
    name: 'pulse.send-due',
    payload: z.object({}),
    schedule: { everyMs: config.checkMs },
    retries: 3,
    backoffSeconds: 60,
    timeoutSeconds: 3_600,
    handler: async (_payload, { store, log }) => {
      // Without SMTP nothing is claimed: members stay due until the instance can mail them.
      if (!deps.mailer.delivers) return { due: 0, sent: 0, empty: 0, failed: 0 };
      const counts = await runPulses(store, config, mailPulse(deps.mailer, deps.unsubscribe), {
        log,
      });
      if (counts.due > 0) log.info({ ...counts }, 'pulse: due members handled');
      if (counts.failed > 0) throw new Error(`${counts.failed} pulse(s) could not be sent`);
      return counts;
    },
  });
}
