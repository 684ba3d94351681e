import type { PageContext } from '../../http/index.js';

/** The confirmation a GET shows: it changes nothing, since mail filters open links by themselves. */
export function ConfirmUnsubscribe(props: { ctx: PageContext; what: string; action: string }) {
  const { t } = props.ctx;
  return (
    <section class="narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('mail.unsubscribe.title')}</h1>
      <p>{t('mail.unsubscribe.confirm', { what: props.what })}</p>
      <p>{t('mail.unsubscribe.why')}</p>
      {/* No CSRF field: the signed link is the authority (docs/decisions/009-one-click-unsubscribe.md). */}
      <form method="post" action={props.action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">{t('mail.unsubscribe.submit')}</button>
      </form>
    </section>
  );
}

/** After the POST: what stopped, and where to turn it back on. */
export function UnsubscribeDone(props: {
  ctx: PageContext;
  what: string;
  changed: boolean;
  settingsPath: string;
}) {
  const { t } = props.ctx;
  return (
    <section class="narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('mail.unsubscribe.title')}</h1>
      <p role="status">
        {t(props.changed ? 'mail.unsubscribe.done' : 'mail.unsubscribe.already', {
          what: props.what,
        })}
      </p>
      <p>{t('mail.unsubscribe.comeBack')}</p>
      <p>
        <a href={props.settingsPath}>{t('mail.unsubscribe.comeBackLink')}</a>
      </p>
    </section>
  );
}

/** A forged, mangled or expired link: refused, nothing changed. */
export function UnsubscribeRefused(props: {
  ctx: PageContext;
  reason: 'invalid' | 'expired';
  settingsPath: string | null;
}) {
  const { t } = props.ctx;
  return (
    <section class="narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('mail.unsubscribe.title')}</h1>
      <p role="alert">{t(`mail.unsubscribe.${props.reason}`)}</p>
      {props.settingsPath ? (
        <p>
          <a href={props.settingsPath}>{t('mail.unsubscribe.comeBackLink')}</a>
        </p>
      ) : null}
    </section>
  );
}
