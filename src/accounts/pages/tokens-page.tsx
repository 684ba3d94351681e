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
      {tokens.length === 0 ? (
        <p class="muted">{t('accounts.tokens.none')}</p>
      ) : (
        <table class="figures">
          <caption>{t('accounts.tokens.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.tokens.name')}</th>
              <th scope="col">{t('accounts.tokens.createdAt')}</th>
              <th scope="col">{t('accounts.tokens.lastUsedAt')}</th>
              <th scope="col">{t('accounts.tokens.expiresAt')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('accounts.tokens.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row" class="text">
                  {token.name}
                </th>
                <td class="text">{date(token.created_at)}</td>
                <td class="text">
                  {token.last_used_at === null
                    ? t('accounts.tokens.neverUsed')
                    : date(token.last_used_at)}
                </td>
                <td class="text">
                  {token.expires_at === null
                    ? t('accounts.tokens.noExpiry')
                    : token.expires_at <= props.now
                      ? t('accounts.tokens.expired', { date: date(token.expires_at) })
                      : date(token.expires_at)}
                </td>
                <td class="text">
                  <form method="post" action={`/account/tokens/${token.id}/revoke`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button
                      type="submit"
                      aria-label={t('accounts.tokens.revokeLabel', { name: token.name })}
                    >
                      {t('accounts.tokens.revoke')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
