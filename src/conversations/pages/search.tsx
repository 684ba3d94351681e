import type { ReadableSpaces } from '../../communities/index.js';
import type { FormFailure, PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { TextPart, TopicResult } from '../../search/index.js';
import { replyPath, topicPath } from '../paths.js';
import type { SearchView } from '../search.js';
import { Filters } from './search-filters.js';

/** What the reader typed in the search form, as typed: it is shown again, valid or not. */
export type SearchForm = Partial<
  Record<'q' | 'communityId' | 'groupId' | 'kind' | 'solved' | 'from' | 'to', string>
>;

const FIELDS = ['q', 'communityId', 'groupId', 'kind', 'solved', 'from', 'to'] as const;

/** The form's fields from a query string; anything else (repeated, unknown) is left out. */
export function searchFormOf(query: unknown): SearchForm {
  const form: SearchForm = {};
  if (!query || typeof query !== 'object') return form;
  for (const name of FIELDS) {
    const value = (query as Record<string, unknown>)[name];
    if (typeof value === 'string') form[name] = value;
  }
  return form;
}

/** Text with the words searched for in <mark>; Preact escapes every part. */
function Marked(props: { parts: TextPart[] }) {
  return <>{props.parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function Result(props: { ctx: PageContext; result: TopicResult; spaces: ReadableSpaces }) {
  const { ctx, result: r, spaces } = props;
  const { t } = ctx;
  const community = spaces.communities.find((c) => c.id === r.communityId);
  const group = spaces.groups.find((g) => g.id === r.groupId);
  const slug = community?.slug ?? '';
  const topicHref = topicPath(slug, r.topicId);
  return (
    <li>
      <h2 class="topic-title">
        <a href={topicHref}>
          <Marked parts={r.title} />
        </a>
      </h2>
      <p class="muted">
        <span class="badge">{t(`conversations.kind.${r.topicKind}`)}</span>
        {r.isSolved && <span class="badge ok">{t('conversations.answered')}</span>}{' '}
        {community?.name}
        {group && ` · ${group.name}`}
      </p>
      <ul class="search-posts">
        {r.posts.map((p) => {
          const date = formatDate(ctx.locale, p.createdAt);
          return (
            <li key={`${p.docKind}-${p.docId}`}>
              <a href={p.docKind === 'reply' ? replyPath(slug, r.topicId, p.docId) : topicHref}>
                {p.docKind === 'reply'
                  ? t('conversations.search.reply', { date })
                  : t('conversations.search.firstPost', { date })}
              </a>
              <p>
                <Marked parts={p.snippet} />
              </p>
            </li>
          );
        })}
      </ul>
      {r.morePosts > 0 && (
        <p class="muted">
          <a href={topicHref}>{ctx.t('conversations.search.morePosts', { count: r.morePosts })}</a>
        </p>
      )}
    </li>
  );
}

/** The address of another page of the same search. */
function pageHref(form: SearchForm, offset: number, limit: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value) params.set(name, value);
  if (offset > 0) params.set('offset', String(offset));
  if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
  return `/search?${params.toString()}`;
}

const DEFAULT_LIMIT = 20;

export function SearchPage(props: {
  ctx: PageContext;
  form: SearchForm;
  spaces: ReadableSpaces;
  view: SearchView | undefined;
  failure: FormFailure | undefined;
}) {
  const { ctx, form, view, failure } = props;
  const { t } = ctx;
  const q = form.q ?? '';
  const page = view?.page ?? { limit: DEFAULT_LIMIT, offset: 0 };
  const hasPrevious = page.offset > 0;
  const hasNext = view !== undefined && page.offset + page.limit < view.total;
  return (
    <section>
      <h1>{t('conversations.search.title')}</h1>
      <form method="get" action="/search" role="search" class="search-form">
        {failure && (
          <p class="form-error" id="search-error" role="alert">
            {failure.message}
          </p>
        )}
        <div class="field">
          <label for="q">{t('conversations.search.label')}</label>
          <input type="search" id="q" name="q" value={q} maxLength={500} />
        </div>
        <Filters ctx={ctx} form={form} spaces={props.spaces} failure={failure} />
        <button type="submit">{t('conversations.search.submit')}</button>
      </form>
      {view && q.trim() !== '' && (
        <>
          <p role="status">
            {view.total > 0
              ? ctx.t('conversations.search.results', { count: view.total, q })
              : t('conversations.search.none', { q })}
          </p>
          <ol class="search-results" start={page.offset + 1}>
            {view.topics.map((r) => (
              <Result key={r.topicId} ctx={ctx} result={r} spaces={props.spaces} />
            ))}
          </ol>
          {(hasPrevious || hasNext) && (
            <nav class="pager" aria-label={t('conversations.search.pages')}>
              {hasPrevious && (
                <a
                  href={pageHref(form, Math.max(0, page.offset - page.limit), page.limit)}
                  rel="prev"
                >
                  {t('conversations.search.previous')}
                </a>
              )}{' '}
              {hasNext && (
                <a href={pageHref(form, page.offset + page.limit, page.limit)} rel="next">
                  {t('conversations.search.next')}
                </a>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
