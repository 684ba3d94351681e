import { memberNameText } from '../../accounts/index.js';
import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { topicPath } from '../paths.js';
import type * as store from '../store.js';

type TopicSummary = Awaited<ReturnType<typeof store.listTopics>>[number];

export function TopicList(props: {
  ctx: PageContext;
  slug: string;
  topics: TopicSummary[];
  page: number;
  hasMore: boolean;
  basePath: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">{t('conversations.topics')}</h2>
      {props.topics.length === 0 ? (
        <p>{t('conversations.noTopics')}</p>
      ) : (
        <ul class="topic-list">
          {props.topics.map((topic) => (
            <li key={topic.id}>
              <a class="topic-title" href={topicPath(props.slug, topic.id)}>
                {topic.title}
              </a>
              <p class="muted">
                <span class="badge">{t(`conversations.kind.${topic.kind}`)}</span>
                {topic.accepted_reply_id !== null && (
                  <span class="badge ok">{t('conversations.answered')}</span>
                )}{' '}
                {t('conversations.by', {
                  name: memberNameText(t, {
                    displayName: topic.author_name,
                    deletedAt: topic.author_deleted_at,
                  }),
                })}{' '}
                · {t('conversations.replies', { count: Number(topic.reply_count) })} ·{' '}
                {t('conversations.lastActivity', {
                  date: formatDate(ctx.locale, topic.last_activity_at),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t('conversations.pages')}>
        {props.page > 1 && (
          <a href={`${props.basePath}?page=${props.page - 1}`} rel="prev">
            {t('conversations.newer')}
          </a>
        )}{' '}
        {props.hasMore && (
          <a href={`${props.basePath}?page=${props.page + 1}`} rel="next">
            {t('conversations.more')}
          </a>
        )}
      </nav>
    </section>
  );
}
