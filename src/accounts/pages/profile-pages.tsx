import type { VNode } from 'preact';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { renderMarkdown } from '../../markdown/index.js';
import type { UserRow } from '../store.js';
import { userPath } from '../paths.js';

export function EditProfilePage(props: {
  ctx: PageContext;
  user: UserRow;
  values?: FormBody;
  failure?: FormFailure | undefined;
  saved?: boolean;
}) {
  const { ctx, user, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const locale = v.locale ?? user.locale ?? '';
  return (
    <section class="narrow">
      <h1>{t('accounts.profile.title')}</h1>
      {props.saved && (
        <p role="status" class="notice">
          {t('accounts.profile.saved')}
        </p>
      )}
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/profile" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="displayName"
          label={t('accounts.field.displayName')}
          hint={t('accounts.field.displayNameHint')}
          value={v.displayName ?? user.display_name}
          required
          maxLength={80}
          error={err('displayName')}
        />
        <Field
          name="handle"
          label={t('accounts.field.handle')}
          hint={t('accounts.field.handleHint')}
          value={v.handle ?? user.handle}
          required
          maxLength={30}
          error={err('handle')}
        />
        <Field
          name="bio"
          multiline
          label={t('accounts.field.bio')}
          hint={t('accounts.field.bioHint')}
          value={v.bio ?? user.bio}
          maxLength={2000}
          error={err('bio')}
        />
        <div class="field">
          <label for="field-locale">{t('accounts.field.locale')}</label>
          <select id="field-locale" name="locale">
            <option value="" selected={locale === ''}>
              {t('accounts.locale.auto')}
            </option>
            <option value="fr" lang="fr" selected={locale === 'fr'}>
              Français
            </option>
            <option value="en" lang="en" selected={locale === 'en'}>
              English
            </option>
          </select>
        </div>
        <button type="submit">{t('accounts.profile.submit')}</button>
      </form>
      <p>
        <a href={userPath(user.handle)}>@{user.handle}</a>
      </p>
      <p>
        <a href="/account">{t('accounts.account.link')}</a>
      </p>
    </section>
  );
}

export function PublicProfilePage(props: {
  ctx: PageContext;
  user: UserRow;
  /** What other features add (src/accounts/routes-pages.tsx, ProfileExtra). */
  extras?: (VNode | null)[];
}) {
  const { ctx, user } = props;
  const { t } = ctx;
  return (
    <section class="narrow profile">
      <h1>{user.display_name}</h1>
      <p class="muted">
        @{user.handle} ·{' '}
        {t('accounts.profile.memberSince', { date: formatDate(ctx.locale, user.created_at) })}
      </p>
      {user.bio ? (
        <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(user.bio) }} />
      ) : (
        <p class="muted">{t('accounts.profile.noBio')}</p>
      )}
      {props.extras}
      {ctx.viewer?.id === user.id && (
        <p>
          <a href="/profile">{t('accounts.profile.edit')}</a>
        </p>
      )}
    </section>
  );
}
