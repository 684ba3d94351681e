import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { ApiTokenRow } from '../credentials-store.js';
import { tokenLifetimes } from '../schemas.js';

export function TokensPage(props: {
  ctx: PageContext;
  tokens: ApiTokenRow[];
  now: number;
  /** The secret of the token just created, shown this once. */
  created?: { name: string; token: string } | undefined;
  revoked?: boolean;
  values?: FormBody;
  failure?: FormFailure | undefined;
}) {
  const { ctx, tokens, failure, created } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const date = (at: number) => formatDate(ctx.locale, at);
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  return (
    <section class="narrow">
      <h1>{t('accounts.tokens.title')}</h1>
      <p>{t('accounts.tokens.intro')}</p>
      {created && (
        <div role="status" class="notice">
          <p>{t('accounts.tokens.created', { name: created.name })}</p>
          <p>
            <code class="secret">{created.token}</code>
          </p>
        </div>
      )}
      {props.revoked && (
        <p role="status" class="notice">
          {t('accounts.tokens.revoked')}
        </p>
      )}
      <h2>{t('accounts.tokens.caption')}</h2>
      {tokens.length === 0 ? (
        <p class="muted">{t('accounts.tokens.none')}</p>
      ) : (
        // A list rather than a table: five columns do not fit a phone.
        <ul class="tokens">
          {tokens.map((token) => (
            <li key={token.id}>
              <p>
                <strong>{token.name}</strong>
              </p>
              <p class="muted">
                {t('accounts.tokens.createdAt', { date: date(token.created_at) })} ·{' '}
                {token.last_used_at === null
                  ? t('accounts.tokens.neverUsed')
                  : t('accounts.tokens.lastUsedAt', { date: date(token.last_used_at) })}{' '}
                ·{' '}
                {token.expires_at === null
                  ? t('accounts.tokens.noExpiry')
                  : t(
                      token.expires_at <= props.now
                        ? 'accounts.tokens.expired'
                        : 'accounts.tokens.expiresAt',
                      { date: date(token.expires_at) },
                    )}
              </p>
              <form method="post" action={`/account/tokens/${token.id}/revoke`}>
                <CsrfField ctx={ctx} />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={t('accounts.tokens.revokeLabel', { name: token.name })}
                >
                  {t('accounts.tokens.revoke')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('accounts.tokens.create')}</h2>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/account/tokens" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="name"
          label={t('accounts.tokens.field.name')}
          hint={t('accounts.tokens.field.nameHint')}
          value={v.name}
          required
          maxLength={80}
          error={err('name')}
        />
        <div class="field">
          <label for="field-expiresInDays">{t('accounts.tokens.field.expiry')}</label>
          <select id="field-expiresInDays" name="expiresInDays">
            {tokenLifetimes.map((days) => (
              <option key={days} value={days} selected={(v.expiresInDays ?? '') === days}>
                {t(`accounts.tokens.expiry.${days || 'none'}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('accounts.tokens.create')}</button>
      </form>
      <p>
        <a href="/account">{t('accounts.account.title')}</a>
      </p>
    </section>
  );
}
