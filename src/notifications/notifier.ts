import type { FastifyInstance } from 'fastify';
import { followLog } from '../activity/index.js';
import type { AppDeps } from '../http/index.js';
import { processNotifications, type OnNotified } from './consumer.js';
import {
  notificationEmails,
  notificationMailLists,
  type NotificationEmailOptions,
} from './email-job.js';
import { registerNotificationsApi } from './routes-api.js';
import { registerNotificationsPages } from './routes-pages.js';

export interface NotifierOptions {
  /** How often to look for rows other instances logged; 0: this process notifies nobody. */
  intervalMs: number;
  /** SEAM (live): told after each commit of the consumer, to push the new count to the member. */
  onNotified?: OnNotified | undefined;
  /** Emails to members who were away; none without it. */
  email?: NotificationEmailOptions | undefined;
}

/**
 * The notifications' routes, and their consumer of the activity log: nudged after every
 * request that logged rows (in this process), and polled for those of other instances. Live
 * pushes go out after the consumer's commit, never before.
 */
export function registerNotifications(
  app: FastifyInstance,
  deps: AppDeps,
  options: NotifierOptions,
): void {
  registerNotificationsApi(app, deps);
  registerNotificationsPages(app, deps);
  // Links of emails already sent keep working, whether this process mails or not.
  deps.unsubscribe.register(...notificationMailLists());
  const emails = options.email && notificationEmails(deps, options.email);
  if (emails) deps.jobs.register(emails.job);
  if (options.intervalMs <= 0) return;
  const follower = followLog(
    () =>
      processNotifications(deps.store, {
        onNotified: options.onNotified,
        onEmailDue: emails?.onEmailDue,
      }),
    {
      intervalMs: options.intervalMs,
      onError: (err) => app.log.error({ err }, 'turning activity into notifications failed'),
    },
  );
  // What an earlier run left (a crash between a post's commit and its notifications) goes first.
  app.addHook('onReady', (done) => {
    follower.nudge();
    done();
  });
  // Every write the app acknowledges is committed before its answer: the nudge comes after it.
  // Reads log only visits, which notify nobody: the poll takes them along.
  app.addHook('onResponse', (req, _reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') follower.nudge();
    done();
  });
  app.addHook('onClose', () => follower.stop());
}
