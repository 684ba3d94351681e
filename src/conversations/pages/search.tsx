import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { SearchHit } from '../../search/index.js';

export function SearchPage(props: {
  ctx: PageContext;
  q: string;
  hits: SearchHit[];
  total: number;
  slugs: Map<number, string>;
}) {
  const { ctx, q } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('conversations.search.title')}</h1>
      <form method="get" action="/search" role="search">
        <label for="q">{t('conversations.search.label')}</label>
        <input type="search" id="q" name="q" value={q} maxLength={500} />
        <button type="submit">{t('conversations.search.submit')}</button>
      </form>
      {q.trim() !== '' && (
        <>
          <p role="status">
            {props.total > 0
              ? t('conversations.search.results', {
                  count: props.total,
                  q,
                })
              : t('conversations.search.none', { q })}
          </p>
          <ol class="search-results">
            {props.hits.map((h) => {
              const href = `/c/${props.slugs.get(h.communityId) ?? ''}/t/${h.topicId}${h.docKind === 'reply' ? `#reply-${h.docId}` : ''}`;
              return (
                <li key={`${h.docKind}-${h.docId}`}>
                  <a href={href}>
                    {h.docKind === 'reply' && `${t('conversations.search.reply')} `}
                    {h.title}
                  </a>
                  <p>{h.snippet}</p>
                  <p class="muted">{formatDate(ctx.locale, h.createdAt)}</p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
