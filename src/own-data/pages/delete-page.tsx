import { DELETION_GRACE_DAYS } from '../../accounts/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';

function Choice(props: { ctx: PageContext; value: 'keep' | 'delete'; checked: boolean }) {
  const id = `posts-${props.value}`;
  return (
    <div class="radio">
      <input type="radio" id={id} name="posts" value={props.value} checked={props.checked} />
      <label for={id}>{props.ctx.t(`ownData.delete.${props.value}`)}</label>
    </div>
  );
}

/** The deletion form: what happens, what becomes of one's posts, and the password to confirm. */
export function DeleteAccountPage(props: {
  ctx: PageContext;
  values?: FormBody;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure } = props;
  const { t } = ctx;
  const posts = props.values?.posts === 'delete' ? 'delete' : 'keep';
  return (
    <section class="narrow">
      <h1>{t('ownData.delete.title')}</h1>
      <p>{t('ownData.delete.intro', { days: DELETION_GRACE_DAYS })}</p>
      <p>{t('ownData.delete.after')}</p>
      <p>{t('ownData.delete.exportFirst')}</p>
      <ul>
        <li>
          <a href="/api/v1/me/export" download>
            {t('accounts.ownData.exportJson')}
          </a>
        </li>
        <li>
          <a href="/api/v1/me/export.html" download>
            {t('accounts.ownData.exportHtml')}
          </a>
        </li>
      </ul>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/account/delete" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="deletion-choice">
          <legend>{t('ownData.delete.posts')}</legend>
          <Choice ctx={ctx} value="keep" checked={posts === 'keep'} />
          <Choice ctx={ctx} value="delete" checked={posts === 'delete'} />
          <p class="hint">{t('messages.deletionNote')}</p>
        </fieldset>
        {/* A stolen session is not enough to delete an account; passwords are never sent back. */}
        <Field
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          hint={t('accounts.field.currentPasswordHint')}
          required
          autocomplete="current-password"
          error={failure?.field === 'currentPassword' ? failure.message : undefined}
        />
        <button type="submit">{t('ownData.delete.submit')}</button>
      </form>
      <p>
        <a href="/account">{t('ownData.delete.back')}</a>
      </p>
    </section>
  );
}

/** Shown once the request is taken: the sessions are closed, so this page cannot be reloaded. */
export function DeletionRequestedPage(props: { ctx: PageContext; deleteAfter: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('ownData.delete.requested')}</h1>
      <p role="status" class="notice">
        {t('ownData.delete.requestedBody', { date: formatDate(ctx.locale, props.deleteAfter) })}{' '}
        {t('ownData.delete.mailNote')}
      </p>
    </section>
  );
}
