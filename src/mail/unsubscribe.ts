import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Translate } from '../i18n/index.js';

/**
 * A kind of email a member can stop with one click: a notification kind's email switch
 * (`mention`, `topic_reply`…), the pulse (`pulse`). The feature that sends it registers it.
 */
export interface MailList {
  /** Lowercase letters, digits, `_` and `-`. */
  name: string;
  /** What stops, as the end of a sentence: "les e-mails quand quelqu’un vous mentionne". */
  label(t: Translate): string;
  /** Switches this member's emails of the list off; false when they already were. */
  apply(db: Db, userId: number): Promise<boolean>;
  /** The page where the member turns it back on (a path). */
  settingsPath: string;
}

export type TokenReading =
  | { ok: true; userId: number; list: MailList }
  | { ok: false; reason: 'invalid' }
  /** Signed by Ruche, but too old: the page points to the list's settings instead. */
  | { ok: false; reason: 'expired'; list: MailList };

/** Signed one-click links and the lists they name (RFC 8058; docs/decisions/009-one-click-unsubscribe.md). */
export interface Unsubscribe {
  register(...lists: MailList[]): void;
  /** The absolute link, valid for the configured time from `now`. */
  url(userId: number, list: string, now?: number): string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post`, for every email of that list. */
  headers(userId: number, list: string, now?: number): Record<string, string>;
  /** What a token says, if Ruche signed it and it has not expired. */
  read(token: string, now?: number): TokenReading;
}

/** Where the one-click pages live; the token follows. */
export const unsubscribePath = '/unsubscribe';

const LIST_NAME = /^[a-z0-9_-]{1,40}$/;
const TOKEN = /^(\d{1,15})\.([a-z0-9_-]{1,40})\.([0-9a-z]{1,12})\.([\w-]{43})$/;

/**
 * A token is `userId.list.expiry.signature`: an HMAC-SHA256 over the first three, with a key
 * derived from the instance secret (so the cookie key itself never signs anything else). It
 * names one member and one list and holds nothing secret; changing any part breaks the
 * signature.
 */
export function createUnsubscribe(options: {
  secret: string;
  publicUrl: string;
  validMs: number;
}): Unsubscribe {
  const key = createHmac('sha256', options.secret).update('ruche:unsubscribe:v1').digest();
  const lists = new Map<string, MailList>();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  const tokenFor = (userId: number, list: string, now: number) => {
    if (!lists.has(list)) throw new Error(`No mail list named ${list} is registered.`);
    const payload = `${userId}.${list}.${(now + options.validMs).toString(36)}`;
    return `${payload}.${sign(payload)}`;
  };
  const url = (userId: number, list: string, now = Date.now()) =>
    new URL(`${unsubscribePath}/${tokenFor(userId, list, now)}`, options.publicUrl).toString();
  return {
    register(...added) {
      for (const l of added) {
        if (!LIST_NAME.test(l.name)) throw new Error(`Mail list name "${l.name}" is not valid.`);
        lists.set(l.name, l);
      }
    },
    url,
    headers(userId, list, now) {
      return {
        'List-Unsubscribe': `<${url(userId, list, now)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      };
    },
    read(token, now = Date.now()) {
      const m = TOKEN.exec(token);
      if (!m) return { ok: false, reason: 'invalid' };
      const [, user = '', name = '', expiry = '', signature = ''] = m;
      const expected = Buffer.from(sign(`${user}.${name}.${expiry}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'invalid' };
      const list = lists.get(name);
      if (!list) return { ok: false, reason: 'invalid' };
      if (parseInt(expiry, 36) <= now) return { ok: false, reason: 'expired', list };
      return { ok: true, userId: Number(user), list };
    },
  };
}
