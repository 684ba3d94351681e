import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { defaultBlockMessages, MAX_MESSAGE } from '../block-message.js';
import type { WatchAction } from '../match.js';
import { watchListPath, watchWordsPath } from '../paths.js';
import { MAX_NAME } from '../service.js';
import type { ListRow } from '../store.js';

type Community = { slug: string; name: string };
const actions: WatchAction[] = ['flag', 'hold', 'block'];

/** The community's lists: each one's action and entries, a link to edit or delete it. */
export function WatchListsPage(props: {
  ctx: PageContext;
  community: Community;
  lists: ListRow[];
}) {
  const { ctx, community, lists } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="watch-words-title">
      <h1 id="watch-words-title">{t('watchWords.title', { community: community.name })}</h1>
      <p>{t('watchWords.intro')}</p>
      <p>{t('watchWords.syntax')}</p>
      <p>{t('watchWords.staff')}</p>
      {lists.length === 0 ? (
        <p>{t('watchWords.empty')}</p>
      ) : (
        <ul class="watch-lists">
          {lists.map((list) => {
            const entries = list.entries.split('\n');
            return (
              <li key={list.id}>
                <h2>{list.name}</h2>
                <p>
                  {t(`watchWords.action.${list.action}`)} ·{' '}
                  {t('watchWords.count', { count: entries.length })}
                </p>
                <p class="watch-entries">{entries.join(' · ')}</p>
                <p>
                  <a href={watchListPath(community.slug, Number(list.id))}>
                    {t('watchWords.edit', { name: list.name })}
                  </a>{' '}
                  ·{' '}
                  <a href={`${watchListPath(community.slug, Number(list.id))}/delete`}>
                    {t('watchWords.deleteTitle', { name: list.name })}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={`${watchWordsPath(community.slug)}/new`}>{t('watchWords.new')}</a>
      </p>
    </section>
  );
}

/** One list's form, new or saved: name, action, one entry per line, the block messages. */
export function WatchListFormPage(props: {
  ctx: PageContext;
  community: Community;
  list: ListRow | undefined;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, list, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const action = v.action ?? list?.action ?? 'flag';
  const title = list ? list.name : t('watchWords.new');
  const target = list
    ? watchListPath(community.slug, Number(list.id))
    : `${watchWordsPath(community.slug)}/new`;
  return (
    <section class="narrow" aria-labelledby="watch-list-title">
      <h1 id="watch-list-title">{title}</h1>
      <p>{t('watchWords.syntax')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={target} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="name"
          label={t('watchWords.field.name')}
          value={v.name ?? list?.name}
          required
          maxLength={MAX_NAME}
          error={err('name')}
        />
        <fieldset
          class={err('action') ? 'has-error' : undefined}
          aria-describedby={err('action') ? 'field-action-error' : undefined}
        >
          <legend>{t('watchWords.field.action')}</legend>
          {err('action') && (
            <p class="error" id="field-action-error">
              {err('action')}
            </p>
          )}
          {actions.map((a) => (
            <div class="radio" key={a}>
              <input
                type="radio"
                id={`action-${a}`}
                name="action"
                value={a}
                checked={action === a}
              />
              <label for={`action-${a}`}>{t(`watchWords.action.${a}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          name="entries"
          multiline
          rows={12}
          label={t('watchWords.field.entries')}
          value={v.entries ?? list?.entries}
          required
          error={err('entries')}
        />
        <Field
          name="messageFr"
          multiline
          rows={3}
          label={t('watchWords.field.messageFr')}
          hint={t('watchWords.messageHint', { word: '{word}' })}
          value={v.messageFr ?? list?.message_fr ?? defaultBlockMessages.fr}
          maxLength={MAX_MESSAGE}
          error={err('messageFr')}
        />
        <Field
          name="messageEn"
          multiline
          rows={3}
          label={t('watchWords.field.messageEn')}
          hint={t('watchWords.messageHint', { word: '{word}' })}
          value={v.messageEn ?? list?.message_en ?? defaultBlockMessages.en}
          maxLength={MAX_MESSAGE}
          error={err('messageEn')}
        />
        <button type="submit">{list ? t('watchWords.save') : t('watchWords.create')}</button>
      </form>
      <p>
        <a href={watchWordsPath(community.slug)}>{t('watchWords.back')}</a>
      </p>
    </section>
  );
}

/** Asks before deleting a list: its entries are lost. */
export function DeleteWatchListPage(props: {
  ctx: PageContext;
  community: Community;
  list: ListRow;
}) {
  const { ctx, community, list } = props;
  const { t } = ctx;
  const count = list.entries.split('\n').length;
  return (
    <section class="narrow" aria-labelledby="watch-delete-title">
      <h1 id="watch-delete-title">{t('watchWords.deleteTitle', { name: list.name })}</h1>
      <p>{t('watchWords.deleteConfirm', { name: list.name, count })}</p>
      <form method="post" action={`${watchListPath(community.slug, Number(list.id))}/delete`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('watchWords.deleteSubmit')}</button>
      </form>
      <p>
        <a href={watchWordsPath(community.slug)}>{t('watchWords.back')}</a>
      </p>
    </section>
  );
}
