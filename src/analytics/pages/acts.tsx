import type { ComponentChildren } from 'preact';
import type { PostLink } from '../../conversations/index.js';
import type { PageContext } from '../../http/index.js';
import { defaultLocale, isLocale } from '../../i18n/index.js';
import { newMessagePath } from '../../messages/index.js';
import { welcomeNewcomerPath } from '../../welcome/index.js';
import { outreachDraft, type OutreachKind } from '../outreach.js';

/**
 * What the cockpit's staff may do from it, beside each name (issue 23, "from the cockpit to the
 * act"): for a community's or a group's cockpit only, never a sponsor's.
 */
export interface Acts {
  communitySlug: string;
  communityName: string;
  /** The welcome queue and form are the animators' and admins' (not moderators'). */
  canWelcome: boolean;
  /** The newcomers the welcome form takes (joined in its last 30 days). */
  welcomable: ReadonlySet<number>;
}

export type Names = Map<number, { handle: string; displayName: string; locale: string | null }>;

/** The topic's page at its reply box, from a topic's or a reply's address. */
export function atReplyBox(href: string): string {
  return `${href.split('#')[0] ?? href}#reply-title`;
}

/** A newcomer left without an answer: answer their first post, or welcome them. */
export function NewcomerActs(props: {
  ctx: PageContext;
  acts: Acts;
  memberId: number;
  post: { topicId: number | null; replyId: number | null };
  titles: Map<number, PostLink>;
  replies: Map<number, PostLink>;
  names: Names;
}) {
  const { t } = props.ctx;
  const who = props.names.get(props.memberId);
  const name = who?.displayName ?? `#${props.memberId}`;
  const post =
    props.titles.get(props.post.topicId ?? 0) ?? props.replies.get(props.post.replyId ?? 0);
  const links = [
    post && (
      <a
        class="act"
        href={atReplyBox(post.href)}
        aria-label={t('analytics.act.answerLabel', { name })}
      >
        {t('analytics.act.answer')}
      </a>
    ),
    props.acts.canWelcome && props.acts.welcomable.has(props.memberId) && (
      <a
        class="act"
        href={welcomeNewcomerPath(props.acts.communitySlug, props.memberId)}
        aria-label={t('analytics.act.welcomeLabel', { name })}
      >
        {t('analytics.act.welcome')}
      </a>
    ),
  ].filter(Boolean);
  return <ActList links={links} />;
}

/** A private message to a member, drafted from the kind's template in their language. */
export function WriteTo(props: {
  ctx: PageContext;
  acts: Acts;
  kind: OutreachKind;
  memberId: number | null;
  names: Names;
}) {
  const who = props.names.get(props.memberId ?? 0);
  // A former member has no handle: nobody to write to.
  if (!who?.handle) return null;
  const locale = isLocale(who.locale) ? who.locale : defaultLocale;
  const draft = outreachDraft(props.kind, locale, {
    name: who.displayName,
    community: props.acts.communityName,
  });
  return (
    <ActList
      links={[
        <a
          class="act"
          href={newMessagePath(who.handle, draft)}
          aria-label={props.ctx.t('analytics.act.writeLabel', { name: who.displayName })}
        >
          {props.ctx.t('analytics.act.write')}
        </a>,
      ]}
    />
  );
}

/** An unanswered topic, opened at its reply box. */
export function ReplyAct(props: { ctx: PageContext; topic: PostLink | undefined }) {
  if (!props.topic) return null;
  return (
    <ActList
      links={[
        <a
          class="act"
          href={atReplyBox(props.topic.href)}
          aria-label={props.ctx.t('analytics.act.replyLabel', { title: props.topic.title })}
        >
          {props.ctx.t('analytics.act.reply')}
        </a>,
      ]}
    />
  );
}

function ActList(props: { links: ComponentChildren[] }) {
  if (props.links.length === 0) return null;
  return (
    <span class="acts">
      {' — '}
      {props.links.map((link, i) => (
        <>
          {i > 0 && ' · '}
          {link}
        </>
      ))}
    </span>
  );
}
