import { MemberName } from '../../accounts/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { TeamAuthor, TeamSignature } from '../../teams/index.js';
import { conversationPath } from '../paths.js';
import { MAX_BODY } from '../schemas.js';
import type { Names } from '../names.js';
import type { ConversationView } from '../service.js';
import { othersIn } from './names.js';

/** The title of a conversation's page: who the viewer talks with. */
export function threadTitle(ctx: PageContext, view: ConversationView): string {
  const others = view.participants.filter((p) => p.user_id !== view.seat);
  return ctx.t('messages.thread.title', { name: othersIn(ctx, view.names, others) });
}

function Person(props: { ctx: PageContext; names: Names; userId: number }) {
  const n = props.names.get(props.userId) ?? { handle: '', displayName: '', deletedAt: 0 };
  return <MemberName ctx={props.ctx} {...n} />;
}

function Participants(props: { ctx: PageContext; view: ConversationView }) {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('messages.thread.participants', { count: view.participants.length })}
      </h2>
      <ul class="member-list">
        {view.participants.map((p) => (
          <li key={p.user_id}>
            <Person ctx={ctx} names={view.names} userId={p.user_id} />
            {p.user_id === view.seat && ` (${t('messages.you')})`}
            {p.left_at !== null && ` — ${t('messages.thread.left')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A conversation: who is in it, its messages (new ones marked), the reply form, leaving. */
export function ThreadPage(props: {
  ctx: PageContext;
  view: ConversationView;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, view, failure } = props;
  const { t } = ctx;
  const id = view.conversation.id;
  const first = view.messages[0];
  return (
    <article class="narrow">
      <p class="breadcrumb">
        <a href="/messages">{t('messages.title')}</a>
      </p>
      <h1>{threadTitle(ctx, view)}</h1>
      <Participants ctx={ctx} view={view} />
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('messages.thread.messages')}</h2>
        {view.hasEarlier && first && (
          <p>
            <a href={`${conversationPath(id)}?before=${first.id}`}>
              {t('messages.thread.earlier')}
            </a>
          </p>
        )}
        <ol class="message-list">
          {view.messages.map((m) => {
            const isUnread = m.author_id !== view.seat && m.id > view.lastReadMessageId;
            const voice = view.voices.get(m.id);
            const author = view.names.get(m.author_id);
            return (
              <li key={m.id} id={`message-${m.id}`} class={isUnread ? 'message unread' : 'message'}>
                <p class="muted">
                  {voice && author ? (
                    <TeamAuthor
                      handle={author.handle}
                      name={voice.team}
                      initials={voice.initials}
                    />
                  ) : (
                    <Person ctx={ctx} names={view.names} userId={m.author_id} />
                  )}{' '}
                  ·{' '}
                  <time dateTime={new Date(m.created_at).toISOString()}>
                    {formatDate(ctx.locale, m.created_at)}
                  </time>
                  {isUnread && (
                    <>
                      {' '}
                      <span class="badge unread">{t('messages.thread.new')}</span>
                    </>
                  )}
                </p>
                {m.deleted_at !== null ? (
                  <p class="muted">{t('messages.erased')}</p>
                ) : (
                  <div class="prose" dangerouslySetInnerHTML={{ __html: m.body_html }} />
                )}
                <TeamSignature ctx={ctx} signature={voice?.signature} />
                {m.deleted_at === null &&
                  m.author_id !== view.seat &&
                  view.seat === ctx.viewer?.id && (
                    // The moderation feature's form (src/moderation): only this message is reported.
                    <p class="flag">
                      <a href={`/flag/message/${m.id}`} rel="nofollow">
                        {t('moderation.flag.link')}
                      </a>
                    </p>
                  )}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{t('messages.thread.reply')}</h2>
        <FormError ctx={ctx} message={failure?.message} />
        <form method="post" action={conversationPath(id)} novalidate>
          <CsrfField ctx={ctx} />
          {view.seat !== ctx.viewer?.id && (
            <p class="notice">
              {t('teams.answerAsTeam', {
                name: view.names.get(view.seat)?.displayName ?? '',
              })}
            </p>
          )}
          <Field
            name="body"
            multiline
            rows={6}
            label={t('messages.field.body')}
            hint={t('messages.field.bodyHint')}
            value={props.values?.body}
            required
            maxLength={MAX_BODY}
            error={failure?.field === 'body' ? failure.message : undefined}
          />
          <button type="submit">{t('messages.send')}</button>
        </form>
      </section>
      <p>
        <a href={`${conversationPath(id)}/leave`}>{t('messages.leave.link')}</a>
      </p>
    </article>
  );
}

/** Leaving is for good: a step that says so, never one click on the conversation's page. */
export function LeavePage(props: { ctx: PageContext; view: ConversationView }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const id = view.conversation.id;
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={conversationPath(id)}>{threadTitle(ctx, view)}</a>
      </p>
      <h1>{t('messages.leave.title')}</h1>
      <p>{t('messages.leave.body')}</p>
      <form method="post" action={`${conversationPath(id)}/leave`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('messages.leave.submit')}</button>{' '}
        <a href={conversationPath(id)}>{t('messages.leave.back')}</a>
      </form>
    </section>
  );
}
