import { findMailRecipient } from '../accounts/index.js';
import { postExcerpts } from '../conversations/index.js';
import type { Db, Store } from '../db/index.js';
import { defaultLocale, isLocale, type Locale, type Translate } from '../i18n/index.js';
import {
  renderEmail,
  type EmailItem,
  type MailMessage,
  type Mailer,
  type Unsubscribe,
} from '../mail/index.js';
import { latestUnreadFor } from '../messages/index.js';
import * as choices from './choices-store.js';
import { defaultChannels, type NotificationKind } from './kinds.js';
import { conversationPath, notificationsPath, preferencesPath } from './paths.js';
import { presentNotification } from './present.js';
import { viewsFor, type NotificationView } from './service.js';
import * as store from './store.js';

/** What the email job needs besides the database. */
export interface EmailDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
  unsubscribe: Unsubscribe;
  translator: (locale: Locale) => Translate;
}

type Recipient = NonNullable<Awaited<ReturnType<typeof findMailRecipient>>>;

/** One notification still worth telling, with a quote of what it is about. */
interface Told {
  view: NotificationView;
  quote: string | null;
  /** Where to read it, when it is more precise than the notification's own link. */
  path: string | null;
}

// Lines in one email (the rest is one click away), characters of a post's quote.
const SHOWN = 20;
const EXCERPT = 200;

async function wantsEmail(db: Db, userId: number, kind: NotificationKind): Promise<boolean> {
  const chosen = (await choices.preferencesOf(db, [userId])).find((p) => p.kind === kind);
  return chosen ? chosen.email === 1 : defaultChannels[kind].byEmail;
}

/**
 * Of these notifications, what the member may still read, asked again now: the space through
 * the permission home (`viewsFor`), the post through `filterReadable` (`postExcerpts`), a private
 * conversation through its participants and read pointer (`latestUnreadFor`: a message read in
 * the page since is not mailed).
 */
async function stillToTell(
  db: Db,
  member: Recipient,
  rows: store.NotificationRow[],
): Promise<Told[]> {
  const { views } = await viewsFor(db, member.id, rows);
  const reader = { id: member.id, isAdmin: member.isAdmin };
  const posts = await postExcerpts(
    db,
    reader,
    {
      topicIds: views.flatMap((v) =>
        v.row.topic_id !== null && v.row.reply_id === null ? [v.row.topic_id] : [],
      ),
      replyIds: views.flatMap((v) => (v.row.reply_id === null ? [] : [v.row.reply_id])),
    },
    EXCERPT,
  );
  const conversations = new Map(
    (
      await latestUnreadFor(
        db,
        member.id,
        views.flatMap((v) => (v.row.conversation_id === null ? [] : [v.row.conversation_id])),
      )
    ).map((m) => [m.conversationId, m]),
  );
  return views.flatMap((view): Told[] => {
    const { row } = view;
    if (row.conversation_id !== null) {
      const m = conversations.get(row.conversation_id);
      return m ? [{ view, quote: m.excerpt, path: m.path }] : [];
    }
    const quote =
      row.reply_id !== null
        ? posts.replies.get(row.reply_id)
        : row.topic_id !== null
          ? posts.topics.get(row.topic_id)
          : null;
    return quote === undefined ? [] : [{ view, quote, path: null }];
  });
}

/**
 * Mails a member what they have not seen of one kind, in one email, and records it so that no
 * run mails it again. Returns whether an email went out. `isLastTry`: a failed send then keeps
 * its notifications marked (lost rather than blocking the member's next emails).
 */
export async function sendNotificationEmail(
  deps: EmailDeps,
  target: { userId: number; kind: NotificationKind },
  options: { now?: number; isLastTry?: boolean } = {},
): Promise<boolean> {
  const { db } = deps.store;
  const at = options.now ?? Date.now();
  const rows = await store.pendingEmails(db, target.userId, target.kind);
  if (rows.length === 0) return false;
  const member = await findMailRecipient(db, target.userId);
  const told =
    member && (await wantsEmail(db, member.id, target.kind))
      ? await stillToTell(db, member, rows)
      : [];
  // Every waiting row is dealt with, told or not, so that the next period starts after it.
  const taken = await store.claimEmailed(
    db,
    rows.map((r) => r.id),
    at,
  );
  const mine = told.filter((t) => taken.has(t.view.row.id));
  if (!member || mine.length === 0) return false;
  const locale = isLocale(member.locale) ? member.locale : defaultLocale;
  const message = composeEmail(deps, { member, locale, kind: target.kind, told: mine, at });
  try {
    await deps.mailer.send(message);
  } catch (err) {
    if (!options.isLastTry) await store.releaseEmailed(db, [...taken], at);
    throw err;
  }
  return true;
}

function composeEmail(
  deps: EmailDeps,
  c: { member: Recipient; locale: Locale; kind: NotificationKind; told: Told[]; at: number },
): MailMessage {
  const t = deps.translator(c.locale);
  const url = (path: string) => new URL(path, deps.publicUrl).toString();
  const newestFirst = [...c.told].reverse();
  const items: EmailItem[] = newestFirst.slice(0, SHOWN).map((told) => {
    const presented = presentNotification(t, told.view);
    return { text: presented.text, href: url(told.path ?? presented.href), quote: told.quote };
  });
  const first = items[0]?.text ?? '';
  const subject =
    items.length > 1 ? t('notifications.email.more', { first, others: c.told.length - 1 }) : first;
  const communities = new Set(c.told.map((x) => x.view.names?.community.name ?? null));
  const [community] = communities;
  const conversations = new Set(c.told.map((x) => x.view.row.conversation_id));
  const [conversationId] = conversations;
  const action =
    conversations.size === 1 && conversationId !== null && conversationId !== undefined
      ? {
          label: t('notifications.email.openConversation'),
          href: url(conversationPath(conversationId)),
        }
      : { label: t('notifications.email.open'), href: url(notificationsPath) };
  const { html, text } = renderEmail({
    locale: c.locale,
    t,
    title: subject,
    intro: t('notifications.email.hello', { name: c.member.displayName }),
    sections: [{ items }],
    action,
    footer: {
      reason: t('notifications.email.reason', { what: t(`notifications.email.list.${c.kind}`) }),
      unsubscribeUrl: deps.unsubscribe.url(c.member.id, c.kind, c.at),
      preferencesUrl: url(preferencesPath),
    },
  });
  return {
    to: c.member.email,
    subject,
    text,
    html,
    headers: deps.unsubscribe.headers(c.member.id, c.kind, c.at),
    // About one community: its name is the sender's.
    ...(communities.size === 1 && community ? { fromName: community } : {}),
  };
}
