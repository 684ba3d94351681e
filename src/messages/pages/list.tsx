import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { conversationPath } from '../paths.js';
import { excerptOf } from '../present.js';
import type { ConversationSummary } from '../service.js';
import { nameOf, othersIn } from './names.js';

/** One's conversations, the most recently active first, those with unread messages marked. */
export function ConversationListPage(props: {
  ctx: PageContext;
  conversations: ConversationSummary[];
  page: number;
  hasMore: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('messages.title')}</h1>
      <p>
        <a class="button" href="/messages/new">
          {t('messages.new')}
        </a>
      </p>
      {props.conversations.length === 0 ? (
        <p>{t('messages.none')}</p>
      ) : (
        <ul class="conversation-list">
          {props.conversations.map((c) => (
            <li key={c.id} class={c.unread > 0 ? 'unread' : undefined}>
              <a class="topic-title" href={conversationPath(c.id)}>
                {othersIn(ctx, c.names, c.participants)}
              </a>{' '}
              {c.unread > 0 && (
                <span class="badge unread">{t('messages.unread', { count: c.unread })}</span>
              )}
              {c.lastMessage && (
                <p class="muted">
                  {c.lastMessage.deleted_at !== null
                    ? t('messages.erased')
                    : t('messages.lastMessage', {
                        name:
                          c.lastMessage.author_id === ctx.viewer?.id
                            ? t('messages.you')
                            : nameOf(ctx, c.names, c.lastMessage.author_id),
                        text: excerptOf(c.lastMessage),
                      })}{' '}
                  · {formatDate(ctx.locale, c.lastMessageAt)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t('messages.pages')}>
        {props.page > 1 && (
          <a href={`/messages?page=${props.page - 1}`} rel="prev">
            {t('messages.newer')}
          </a>
        )}{' '}
        {props.hasMore && (
          <a href={`/messages?page=${props.page + 1}`} rel="next">
            {t('messages.older')}
          </a>
        )}
      </nav>
      <p>
        <a href="/account/blocks">{t('messages.blocks.title')}</a>
      </p>
    </section>
  );
}
