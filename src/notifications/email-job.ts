import { z } from 'zod';
import { findMailRecipient } from '../accounts/index.js';
import type { AppDeps } from '../http/index.js';
import type { Locale, Translate } from '../i18n/index.js';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import type { MailList } from '../mail/index.js';
import * as choices from './choices-store.js';
import type { OnEmailDue } from './consumer.js';
import { sendNotificationEmail } from './emails.js';
import { defaultChannels, notificationKinds, type NotificationKind } from './kinds.js';
import { preferencesPath } from './paths.js';
import * as store from './store.js';

export interface NotificationEmailOptions {
  /** How long a burst may gather before its one email goes out. */
  delayMs: number;
  translator: (locale: Locale) => Translate;
}

const RETRIES = 5;

/**
 * The notification emails' job and the consumer's hook that queues it. One job per member,
 * kind and period, the period starting at the oldest notification still waiting: its key is
 * taken by the first notification of a burst, and the next ones of the burst find it taken —
 * they go out in the same email, `delayMs` after the first. Two instances never queue it twice.
 */
export function notificationEmails(
  deps: AppDeps,
  options: NotificationEmailOptions,
): { job: JobDefinition<{ userId: number; kind: NotificationKind }>; onEmailDue: OnEmailDue } {
  const job = defineJob({
    name: 'notifications.email',
    payload: z.object({ userId: z.number().int().positive(), kind: z.enum(notificationKinds) }),
    retries: RETRIES,
    backoffSeconds: 60,
    handler: (payload, ctx) =>
      sendNotificationEmail({ ...deps, translator: options.translator }, payload, {
        isLastTry: ctx.attempt > RETRIES,
      }),
  });
  const onEmailDue: OnEmailDue = async (trx, due) => {
    for (const { userId, kind } of due) {
      const since = await store.oldestPendingEmail(trx, userId, kind);
      if (since === null) continue;
      await deps.jobs.enqueue(
        job,
        { userId, kind },
        {
          key: `notifications.email:${userId}:${kind}:${since}`,
          runAt: since + options.delayMs,
          db: trx,
        },
      );
    }
  };
  return { job, onEmailDue };
}

/**
 * Each kind's email switch, as a list one click leaves (src/mail): it turns that kind's email
 * off in the member's preferences, and leaves the page's switch as it was.
 */
export function notificationMailLists(): MailList[] {
  return notificationKinds.map((kind) => ({
    name: kind,
    label: (t) => t(`notifications.email.list.${kind}`),
    settingsPath: preferencesPath,
    async apply(db, userId) {
      if (!(await findMailRecipient(db, userId))) return false;
      const chosen = (await choices.preferencesOf(db, [userId])).find((p) => p.kind === kind);
      const inApp = chosen ? chosen.in_app === 1 : defaultChannels[kind].inApp;
      const byEmail = chosen ? chosen.email === 1 : defaultChannels[kind].byEmail;
      if (!byEmail) return false;
      await choices.setPreference(db, { userId, kind, inApp, byEmail: false });
      return true;
    },
  }));
}
