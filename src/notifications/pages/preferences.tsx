import type { VNode } from 'preact';
import { CsrfField, type PageContext } from '../../http/index.js';
import { notificationsPath, preferencesPath } from '../paths.js';
import type { Preference } from '../service.js';

/** Per kind of notification, two boxes: on the site, by e-mail. */
export function PreferencesPage(props: {
  ctx: PageContext;
  preferences: Preference[];
  extra?: VNode | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="narrow" aria-labelledby="preferences-title">
      <h1 id="preferences-title">{t('notifications.preferences.title')}</h1>
      <p>{t('notifications.preferences.intro')}</p>
      <form method="post" action={preferencesPath}>
        <CsrfField ctx={ctx} />
        {props.preferences.map((p) => (
          <fieldset key={p.kind}>
            <legend>{t(`notifications.kind.${p.kind}`)}</legend>
            <div class="field checkbox">
              <input
                type="checkbox"
                id={`inApp-${p.kind}`}
                name={`inApp.${p.kind}`}
                value="1"
                checked={p.inApp}
              />
              <label for={`inApp-${p.kind}`}>{t('notifications.preferences.inApp')}</label>
            </div>
            <div class="field checkbox">
              <input
                type="checkbox"
                id={`email-${p.kind}`}
                name={`email.${p.kind}`}
                value="1"
                checked={p.byEmail}
              />
              <label for={`email-${p.kind}`}>{t('notifications.preferences.email')}</label>
            </div>
          </fieldset>
        ))}
        <button type="submit">{t('notifications.preferences.submit')}</button>
      </form>
      {props.extra}
      <p>
        <a href={notificationsPath}>{t('notifications.preferences.back')}</a>
      </p>
    </section>
  );
}
