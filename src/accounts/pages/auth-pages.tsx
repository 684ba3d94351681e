import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';

interface FormProps {
  ctx: PageContext;
  values?: FormBody;
  failure?: FormFailure | undefined;
}

function fieldError(failure: FormFailure | undefined, name: string) {
  return failure?.field === name ? failure.message : undefined;
}

export function SignUpPage({ ctx, values = {}, failure }: FormProps) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/signup" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={values.next ?? ''} />
        <Field
          name="displayName"
          label={t('accounts.field.displayName')}
          hint={t('accounts.field.displayNameHint')}
          value={values.displayName}
          required
          maxLength={80}
          autocomplete="nickname"
          error={fieldError(failure, 'displayName')}
        />
        <Field
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={values.email}
          required
          autocomplete="email"
          error={fieldError(failure, 'email')}
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          hint={t('accounts.field.passwordHint')}
          required
          minLength={10}
          autocomplete="new-password"
          error={fieldError(failure, 'password')}
        />
        <button type="submit">{t('accounts.signup.submit')}</button>
      </form>
      <p>
        <a href="/signin">{t('accounts.signup.haveAccount')}</a>
      </p>
    </section>
  );
}

export function SignInPage({ ctx, values = {}, failure }: FormProps) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.signin.title')}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/signin" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={values.next ?? ''} />
        <Field
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={values.email}
          required
          autocomplete="email"
          error={fieldError(failure, 'email')}
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          required
          autocomplete="current-password"
          error={fieldError(failure, 'password')}
        />
        <button type="submit">{t('accounts.signin.submit')}</button>
      </form>
      <p>
        <a href="/password/forgot">{t('accounts.signin.forgot')}</a>
      </p>
      <p>
        <a href="/signup">{t('accounts.signin.noAccount')}</a>
      </p>
    </section>
  );
}

export function ForgotPasswordPage({
  ctx,
  values = {},
  failure,
  sent,
}: FormProps & { sent?: boolean }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.forgot.title')}</h1>
      {sent ? (
        <p role="status" class="notice">
          {t('accounts.forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t('accounts.forgot.intro')}</p>
          <FormError ctx={ctx} message={failure?.message} />
          <form method="post" action="/password/forgot" novalidate>
            <CsrfField ctx={ctx} />
            <Field
              name="email"
              type="email"
              label={t('accounts.field.email')}
              value={values.email}
              required
              autocomplete="email"
              error={fieldError(failure, 'email')}
            />
            <button type="submit">{t('accounts.forgot.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}

export function ResetPasswordPage({
  ctx,
  values = {},
  failure,
  done,
}: FormProps & { done?: boolean }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.reset.title')}</h1>
      {done ? (
        <p role="status" class="notice">
          {t('accounts.reset.done')} <a href="/signin">{t('accounts.signin.submit')}</a>
        </p>
      ) : (
        <>
          <FormError ctx={ctx} message={failure?.message} />
          <form method="post" action="/password/reset" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={values.token ?? ''} />
            <Field
              name="password"
              type="password"
              label={t('accounts.field.password')}
              hint={t('accounts.field.passwordHint')}
              required
              minLength={10}
              autocomplete="new-password"
              error={fieldError(failure, 'password')}
            />
            <button type="submit">{t('accounts.reset.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}
