import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import type { Translate } from '../i18n/index.js';
import { createBackground, type Background } from '../jobs/index.js';
import type { Mailer } from '../mail/index.js';

/** What an account service needs to mail a member: the mailer, links' origin, the reader's words. */
export interface Outbox {
  mailer: Mailer;
  publicUrl: string;
  t: Translate;
  /** Where mails are sent from, after the answer went out. */
  later: Background;
}

const backgrounds = new WeakMap<FastifyInstance, Background>();

/**
 * The app's one runner for account mails, shared by the page and API routes; called while the
 * routes are registered (it adds a hook). A failed send is logged without the message, which
 * may hold a link that opens the account.
 */
export function mailRunnerOf(app: FastifyInstance): Background {
  let later = backgrounds.get(app);
  if (!later) {
    const runner = createBackground((err, name) => app.log.error({ err }, `${name} failed`));
    app.addHook('onClose', () => runner.settle());
    backgrounds.set(app, runner);
    later = runner;
  }
  return later;
}

/** The outbox of one request: mails in the reader's language, sent by the app's runner. */
export function outboxFor(later: Background, deps: AppDeps, t: Translate): Outbox {
  return { mailer: deps.mailer, publicUrl: deps.publicUrl, t, later };
}
