import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';

interface FormProps {
  ctx: PageContext;
  values?: FormBody;
  failure?: FormFailure | undefined;
}

function fieldError(failure: FormFailure | undefined, name: string) {
  return failure?.field === name ? failure.message : undefined;
}

/** What the account page can confirm after a change (`?done=`). */
export const accountNotices = ['password', 'emailSent', 'email', 'deletionCancelled'] as const;
export type AccountNotice = (typeof accountNotices)[number];

const noticeKeys: Record<AccountNotice, string> = {
  password: 'accounts.account.done.password',
  emailSent: 'accounts.account.done.emailSent',
  email: 'accounts.emailConfirm.done',
  deletionCancelled: 'accounts.deletion.cancelled',
};

export function AccountPage(props: {
  ctx: PageContext;
  email: string;
  pending: { new_email: string; expires_at: number } | undefined;
  notice: AccountNotice | undefined;
}) {
  const { ctx, pending, notice } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.account.title')}</h1>
      {notice && (
        <p role="status" class="notice">
          {t(noticeKeys[notice])}
        </p>
      )}
      <p>{t('accounts.account.email', { email: props.email })}</p>
      {pending && (
        <p class="muted">
          {t('accounts.account.pendingEmail', {
            email: pending.new_email,
            date: formatDate(ctx.locale, pending.expires_at),
          })}
        </p>
      )}
      <ul>
        <li>
          <a href="/account/email">{t('accounts.emailChange.title')}</a>
        </li>
        <li>
          <a href="/account/password">{t('accounts.passwordChange.title')}</a>
        </li>
        <li>
          <a href="/account/tokens">{t('accounts.tokens.title')}</a>
        </li>
        <li>
          <a href="/profile">{t('accounts.profile.edit')}</a>
        </li>
        <li>
          <a href="/account/blocks">{t('messages.blocks.title')}</a>
        </li>
        <li>
          <a href="/account/trust">{t('trust.page.title')}</a>
        </li>
      </ul>
      <h2>{t('accounts.ownData.title')}</h2>
      <p>{t('accounts.ownData.intro')}</p>
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
        <li>
          <a href="/account/delete">{t('accounts.deletion.link')}</a>
        </li>
      </ul>
    </section>
  );
}

export function ChangePasswordPage({ ctx, failure }: FormProps) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.passwordChange.title')}</h1>
      <p>{t('accounts.passwordChange.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      {/* Passwords are never sent back into a page, even the one that failed. */}
      <form method="post" action="/account/password" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          required
          autocomplete="current-password"
          error={fieldError(failure, 'currentPassword')}
        />
        <Field
          name="newPassword"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.field.passwordHint')}
          required
          minLength={10}
          autocomplete="new-password"
          error={fieldError(failure, 'newPassword')}
        />
        <button type="submit">{t('accounts.passwordChange.submit')}</button>
      </form>
      <p>
        <a href="/account">{t('accounts.account.title')}</a>
      </p>
    </section>
  );
}

export function ChangeEmailPage({
  ctx,
  values = {},
  failure,
  email,
}: FormProps & { email: string }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.emailChange.title')}</h1>
      <p>{t('accounts.emailChange.intro', { email })}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/account/email" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={t('accounts.field.newEmail')}
          value={values.email}
          required
          autocomplete="email"
          error={fieldError(failure, 'email')}
        />
        <Field
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          hint={t('accounts.field.currentPasswordHint')}
          required
          autocomplete="current-password"
          error={fieldError(failure, 'currentPassword')}
        />
        <button type="submit">{t('accounts.emailChange.submit')}</button>
      </form>
      <p>
        <a href="/account">{t('accounts.account.title')}</a>
      </p>
    </section>
  );
}

/**
 * The page of the link mailed to the new address: a button, not a change on opening, since
 * mail filters open links to check them.
 */
export function ConfirmEmailPage({
  ctx,
  values = {},
  failure,
  done,
}: FormProps & { done?: boolean }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.emailConfirm.title')}</h1>
      {done ? (
        <p role="status" class="notice">
          {t('accounts.emailConfirm.done')}
        </p>
      ) : (
        <>
          <p>{t('accounts.emailConfirm.intro')}</p>
          <FormError ctx={ctx} message={failure?.message} />
          <form method="post" action="/account/email/confirm">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={values.token ?? ''} />
            <button type="submit">{t('accounts.emailConfirm.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}
