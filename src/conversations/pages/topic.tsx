import type { VNode } from 'preact';
import { MemberName, memberNameText } from '../../accounts/index.js';
import {
  CharterChangedNotice,
  communityPath,
  groupPath,
  mustReacceptCharter,
} from '../../communities/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { AsTeamField, TeamAuthor, TeamSignature, type PostVoice } from '../../teams/index.js';
import type { TopicAccess } from '../access.js';
import { replyActionsPath, replyAnchor, topicPath } from '../paths.js';
import { canAcceptAnswer, canChangePost, canReact, canReply } from '../policy.js';
import { reactionSummary } from '../present.js';
import { reactionKinds } from '../schemas.js';
import type * as store from '../store.js';

/** A reply as the topic's reader gets it: `masked` when hidden pending review from them (src/moderation). */
type Reply = Awaited<ReturnType<typeof store.listReplies>>[number] & {
  review: 'none' | 'shown' | 'masked';
};
type ReactionRow = Awaited<ReturnType<typeof store.reactionsFor>>[number];

export interface TopicView extends TopicAccess {
  author: { handle: string; displayName: string; deletedAt: number | null } | undefined;
  replies: Reply[];
  reactions: ReactionRow[];
  /** Posts written as a team, and the teams the viewer may reply as. */
  voices: {
    topic: PostVoice | undefined;
    replies: Map<number, PostVoice>;
    myTeams: { id: number; name: string }[];
  };
}

function Reactions(props: {
  ctx: PageContext;
  slug: string;
  target: 'topic' | 'reply';
  id: number;
  rows: ReactionRow[];
  canReact: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const { counts, mine } = reactionSummary(props.rows, props.target, props.id);
  return (
    <div class="reactions" role="group" aria-label={t('conversations.reactions')}>
      {reactionKinds.map((kind) => {
        const count = counts[kind] ?? 0;
        const label = t(`conversations.reaction.${kind}`);
        const isMine = mine.includes(kind);
        if (!props.canReact)
          return count > 0 ? (
            <span key={kind} class="reaction">
              {t('conversations.reaction.give', { reaction: label, count })}
            </span>
          ) : null;
        return (
          <form
            key={kind}
            method="post"
            action={`${communityPath(props.slug)}/react`}
            class="inline"
          >
            <CsrfField ctx={ctx} />
            <input type="hidden" name="target" value={props.target} />
            <input type="hidden" name="id" value={String(props.id)} />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="on" value={isMine ? '0' : '1'} />
            <button
              type="submit"
              class={isMine ? 'reaction mine' : 'reaction'}
              aria-pressed={isMine}
            >
              {t('conversations.reaction.give', { reaction: label, count })}
            </button>
          </form>
        );
      })}
    </div>
  );
}

/** Edit, and delete: a link to a confirmation step, never a one-click deletion. */
function PostActions(props: { ctx: PageContext; base: string }) {
  const { ctx } = props;
  return (
    <div class="post-actions">
      <a href={`${props.base}/edit`}>{ctx.t('conversations.edit')}</a>{' '}
      <a href={`${props.base}/delete`}>{ctx.t('conversations.delete')}</a>
    </div>
  );
}

/** "Signaler": the moderation feature's small form for this post (src/moderation, /flag/…). */
function FlagLink(props: { ctx: PageContext; kind: 'topic' | 'reply'; id: number }) {
  return (
    <p class="flag">
      <a href={`/flag/${props.kind}/${props.id}`} rel="nofollow">
        {props.ctx.t('moderation.flag.link')}
      </a>
    </p>
  );
}

export function TopicPage(props: {
  ctx: PageContext;
  view: TopicView;
  values?: FormBody;
  failure?: FormFailure | undefined;
  /** Another feature's control for the reader (the notifications' watching level). */
  control?: VNode | null | undefined;
}) {
  const { ctx, view, failure } = props;
  const { t, viewer } = ctx;
  const { topic, access } = view;
  const slug = access.community.slug;
  const here = topicPath(slug, topic.id);
  const mayReact = canReact(access);
  const canAccept = topic.kind === 'question' && canAcceptAnswer(access, viewer, topic);
  const names = new Map(
    view.replies.map((r) => [
      r.id,
      memberNameText(t, { displayName: r.author_name, deletedAt: r.author_deleted_at }),
    ]),
  );
  return (
    <article class="topic">
      <p class="breadcrumb">
        <a href={communityPath(slug)}>{access.community.name}</a>
        {view.group && (
          <>
            {' › '}
            <a href={groupPath(slug, view.group.group.slug)}>{view.group.group.name}</a>
          </>
        )}
      </p>
      <h1>{topic.title}</h1>
      {topic.hidden_at !== null && (
        <p class="notice awaiting-review">
          {viewer?.id === topic.author_id
            ? t('moderation.hidden.own')
            : t('moderation.queue.hidden')}
        </p>
      )}
      <p class="muted">
        <span class="badge">{t(`conversations.kind.${topic.kind}`)}</span>
        {topic.accepted_reply_id !== null && (
          <span class="badge ok">{t('conversations.answered')}</span>
        )}{' '}
        {view.author && view.voices.topic ? (
          <TeamAuthor
            handle={view.author.handle}
            name={view.voices.topic.team}
            initials={view.voices.topic.initials}
          />
        ) : (
          view.author && <MemberName ctx={ctx} {...view.author} />
        )}{' '}
        ·{' '}
        <time dateTime={new Date(topic.created_at).toISOString()}>
          {formatDate(ctx.locale, topic.created_at)}
        </time>
        {topic.updated_at > topic.created_at && ` · ${t('conversations.edited')}`}
      </p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: topic.body_html }} />
      <TeamSignature ctx={ctx} signature={view.voices.topic?.signature} />
      <Reactions
        ctx={ctx}
        slug={slug}
        target="topic"
        id={topic.id}
        rows={view.reactions}
        canReact={mayReact}
      />
      {viewer && canChangePost(access, viewer, topic.author_id) && (
        <PostActions ctx={ctx} base={here} />
      )}
      {viewer && viewer.id !== topic.author_id && <FlagLink ctx={ctx} kind="topic" id={topic.id} />}

      <section aria-labelledby="replies-title">
        <h2 id="replies-title">{t('conversations.reply.count', { count: view.replies.length })}</h2>
        <ol class="replies">
          {view.replies.map((r) => {
            const isAccepted = topic.accepted_reply_id === r.id;
            const voice = view.voices.replies.get(r.id);
            if (r.review === 'masked')
              return (
                <li key={r.id} id={replyAnchor(r.id)} class="reply awaiting-review">
                  <p class="muted">{t('moderation.hidden.note')}</p>
                </li>
              );
            return (
              <li key={r.id} id={replyAnchor(r.id)} class={isAccepted ? 'reply accepted' : 'reply'}>
                {isAccepted && <p class="badge ok">{t('conversations.accepted')}</p>}
                {r.review === 'shown' && (
                  <p class="notice awaiting-review">
                    {viewer?.id === r.author_id
                      ? t('moderation.hidden.own')
                      : t('moderation.queue.hidden')}
                  </p>
                )}
                <p class="muted">
                  {voice ? (
                    <TeamAuthor
                      handle={r.author_handle}
                      name={voice.team}
                      initials={voice.initials}
                    />
                  ) : (
                    <MemberName
                      ctx={ctx}
                      handle={r.author_handle}
                      displayName={r.author_name}
                      deletedAt={r.author_deleted_at}
                    />
                  )}{' '}
                  ·{' '}
                  <time dateTime={new Date(r.created_at).toISOString()}>
                    {formatDate(ctx.locale, r.created_at)}
                  </time>
                  {r.parent_reply_id !== null && names.has(r.parent_reply_id) && (
                    <>
                      {' · '}
                      <a href={`#${replyAnchor(r.parent_reply_id)}`}>
                        {t('conversations.reply.inReplyTo', {
                          name: names.get(r.parent_reply_id) ?? '',
                        })}
                      </a>
                    </>
                  )}
                  {r.updated_at > r.created_at && ` · ${t('conversations.edited')}`}
                </p>
                <div class="prose" dangerouslySetInnerHTML={{ __html: r.body_html }} />
                <TeamSignature ctx={ctx} signature={voice?.signature} />
                <Reactions
                  ctx={ctx}
                  slug={slug}
                  target="reply"
                  id={r.id}
                  rows={view.reactions}
                  canReact={mayReact}
                />
                {canAccept && (
                  <form method="post" action={`${here}/accept`} class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="replyId" value={isAccepted ? '' : String(r.id)} />
                    <button type="submit">
                      {isAccepted ? t('conversations.unaccept') : t('conversations.accept')}
                    </button>
                  </form>
                )}
                {viewer && canChangePost(access, viewer, r.author_id) && (
                  <PostActions ctx={ctx} base={replyActionsPath(slug, r.id)} />
                )}
                {viewer && viewer.id !== r.author_id && (
                  <FlagLink ctx={ctx} kind="reply" id={r.id} />
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {props.control}
      {viewer && canReply(access, view.group) ? (
        <section aria-labelledby="reply-title" class="reply-form">
          <h2 id="reply-title">{t('conversations.reply.title')}</h2>
          <FormError ctx={ctx} message={failure?.message} />
          <form method="post" action={`${here}/replies`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              name="body"
              multiline
              rows={6}
              label={t('conversations.field.body')}
              hint={t('conversations.field.bodyHint')}
              value={props.values?.body}
              required
              error={failure?.field === 'body' ? failure.message : undefined}
            />
            <AsTeamField
              ctx={ctx}
              teams={view.voices.myTeams}
              value={props.values?.asTeam}
              error={failure?.field === 'asTeam' ? failure.message : undefined}
            />
            <button type="submit">{t('conversations.reply.submit')}</button>
          </form>
        </section>
      ) : viewer && mustReacceptCharter(access) ? (
        <CharterChangedNotice ctx={ctx} access={access} />
      ) : (
        <p class="notice">
          <a
            href={
              viewer ? `${communityPath(slug)}/charter` : `/signin?next=${encodeURIComponent(here)}`
            }
          >
            {t('conversations.joinToPost')}
          </a>
        </p>
      )}
    </article>
  );
}
