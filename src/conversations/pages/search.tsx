import type { ComponentChildren } from 'preact';
import type { ReadableSpaces } from '../../communities/index.js';
import type { FormFailure, PageContext } from '../../http/index.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import type { TextPart, TopicResult } from '../../search/index.js';
import { topicKinds } from '../schemas.js';
import type { SearchView } from '../search.js';

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

/** A count in words: `key.one` or `key.other`, as the language's plural rules say. */
function plural(ctx: PageContext, key: string, count: number, params: Record<string, string>) {
  const form = new Intl.PluralRules(ctx.locale).select(count) === 'one' ? 'one' : 'other';
  return ctx.t(`${key}.${form}`, { ...params, count: formatNumber(ctx.locale, count) });
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
  const topicHref = `/c/${community?.slug ?? ''}/t/${r.topicId}`;
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
              <a href={p.docKind === 'reply' ? `${topicHref}#reply-${p.docId}` : topicHref}>
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
          <a href={topicHref}>{plural(ctx, 'conversations.search.morePosts', r.morePosts, {})}</a>
        </p>
      )}
    </li>
  );
}

function Select(props: {
  ctx: PageContext;
  name: keyof SearchForm;
  label: string;
  form: SearchForm;
  failure: FormFailure | undefined;
  children: ComponentChildren;
}) {
  const id = `search-${props.name}`;
  const isInvalid = props.failure?.field === props.name;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={isInvalid || undefined}
        aria-describedby={isInvalid ? 'search-error' : undefined}
      >
        {props.children}
      </select>
    </div>
  );
}

function Option(props: { value: string; form: SearchForm; name: keyof SearchForm; label: string }) {
  return (
    <option value={props.value} selected={(props.form[props.name] ?? '') === props.value}>
      {props.label}
    </option>
  );
}

function DateField(props: {
  name: 'from' | 'to';
  label: string;
  form: SearchForm;
  failure: FormFailure | undefined;
}) {
  const id = `search-${props.name}`;
  const isInvalid = props.failure?.field === props.name;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="date"
        id={id}
        name={props.name}
        value={props.form[props.name] ?? ''}
        aria-invalid={isInvalid || undefined}
        aria-describedby={isInvalid ? 'search-error' : undefined}
      />
    </div>
  );
}

function Filters(props: {
  ctx: PageContext;
  form: SearchForm;
  spaces: ReadableSpaces;
  failure: FormFailure | undefined;
}) {
  const { ctx, form, spaces, failure } = props;
  const { t } = ctx;
  const common = { ctx, form, failure };
  // Only what the reader may read is offered: the lists come from the same scope as the results.
  const withGroups = spaces.communities
    .map((c) => ({ community: c, groups: spaces.groups.filter((g) => g.communityId === c.id) }))
    .filter((c) => c.groups.length > 0);
  return (
    <fieldset class="search-filters">
      <legend>{t('conversations.search.filters')}</legend>
      <Select {...common} name="communityId" label={t('conversations.search.community')}>
        <Option
          form={form}
          name="communityId"
          value=""
          label={t('conversations.search.allCommunities')}
        />
        {spaces.communities.map((c) => (
          <Option key={c.id} form={form} name="communityId" value={String(c.id)} label={c.name} />
        ))}
      </Select>
      <Select {...common} name="groupId" label={t('conversations.search.group')}>
        <Option form={form} name="groupId" value="" label={t('conversations.search.allGroups')} />
        {withGroups.map(({ community, groups }) => (
          <optgroup key={community.id} label={community.name}>
            {groups.map((g) => (
              <Option key={g.id} form={form} name="groupId" value={String(g.id)} label={g.name} />
            ))}
          </optgroup>
        ))}
      </Select>
      <Select {...common} name="kind" label={t('conversations.search.kind')}>
        <Option form={form} name="kind" value="" label={t('conversations.search.allKinds')} />
        {topicKinds.map((k) => (
          <Option
            key={k}
            form={form}
            name="kind"
            value={k}
            label={t(`conversations.search.kind.${k}`)}
          />
        ))}
      </Select>
      <Select {...common} name="solved" label={t('conversations.search.solved')}>
        <Option form={form} name="solved" value="" label={t('conversations.search.solvedAny')} />
        <Option
          form={form}
          name="solved"
          value="true"
          label={t('conversations.search.solvedYes')}
        />
        <Option
          form={form}
          name="solved"
          value="false"
          label={t('conversations.search.solvedNo')}
        />
      </Select>
      <DateField {...common} name="from" label={t('conversations.search.from')} />
      <DateField {...common} name="to" label={t('conversations.search.to')} />
    </fieldset>
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
              ? plural(ctx, 'conversations.search.results', view.total, { q })
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
