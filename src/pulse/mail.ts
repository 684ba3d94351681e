import { findMailRecipient } from '../accounts/index.js';
import type { Mailer, MailList, Unsubscribe } from '../mail/index.js';
import { DEFAULT_FREQUENCY } from './kinds.js';
import { pulseSettingsPath } from './paths.js';
import type { Deliver } from './send.js';
import * as store from './store.js';

/** The pulse as a list one click leaves (RFC 8058): its frequency becomes "never". */
export const pulseMailList: MailList = {
  name: 'pulse',
  label: (t) => t('pulse.unsubscribe.list'),
  settingsPath: pulseSettingsPath,
  async apply(db, userId) {
    if (!(await findMailRecipient(db, userId))) return false;
    const settings = await store.settingsOf(db, userId);
    if ((settings?.frequency ?? DEFAULT_FREQUENCY) === 'never') return false;
    await store.stopMemberPulse(db, userId, Date.now());
    return true;
  },
};

/** Mails each pulse, HTML and text, with its one-click unsubscribe headers. */
export function mailPulse(mailer: Mailer, unsubscribe: Unsubscribe): Deliver {
  return (to, pulse) =>
    mailer.send({
      to: to.email,
      subject: pulse.subject,
      text: pulse.text,
      html: pulse.html,
      headers: unsubscribe.headers(to.id, pulseMailList.name),
    });
}
