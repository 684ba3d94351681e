import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { firstPostAlertPath } from '../paths.js';
import type { AlertSetting } from '../service.js';

/** The animators' form: the first-post alert on or off, and after how many hours. */
export function FirstPostAlertPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  setting: AlertSetting;
  maxHours: number;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, setting, failure } = props;
  const { t } = ctx;
  const v = props.values;
  const enabled = v ? v.enabled === '1' : setting.enabled;
  return (
    <section class="narrow" aria-labelledby="first-post-alert-title">
      <h1 id="first-post-alert-title">
        {t('firstPostAlert.title', { community: community.name })}
      </h1>
      <p>{t('firstPostAlert.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={firstPostAlertPath(community.slug)} novalidate>
        <CsrfField ctx={ctx} />
        <div class="field">
          <input id="field-enabled" type="checkbox" name="enabled" value="1" checked={enabled} />{' '}
          <label for="field-enabled">{t('firstPostAlert.enabled')}</label>
        </div>
        <Field
          name="hours"
          label={t('firstPostAlert.hours')}
          hint={t('firstPostAlert.hoursHint', { max: props.maxHours })}
          value={v?.hours ?? String(setting.hours)}
          required
          error={failure?.field === 'hours' ? failure.message : undefined}
        />
        <button type="submit">{t('firstPostAlert.submit')}</button>
      </form>
    </section>
  );
}
