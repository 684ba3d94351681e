import { formatDate } from '../../i18n/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { crisisPath } from '../paths.js';
import type { CrisisView } from '../service.js';
import type { CrisisSettings } from '../settings.js';

type Flag = 'autoStart' | 'holdYoungPosts' | 'approveSignups' | 'youngLinksOff';
const flags: Flag[] = ['autoStart', 'holdYoungPosts', 'approveSignups', 'youngLinksOff'];

/** Staff's crisis page: the crises under way, a start form, and the prepared restrictions. */
export function CrisisPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  crises: CrisisView[];
  settings: CrisisSettings;
  canEdit: boolean;
  bounds: { slowMax: number; calmMin: number; calmMax: number };
  form?: 'settings' | 'start' | undefined;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, settings, failure, bounds } = props;
  const { t, locale } = ctx;
  const at = (ms: number) => formatDate(locale, ms);
  const base = crisisPath(community.slug);
  const v = props.form === 'settings' ? props.values : undefined;
  const checked = (k: Flag) => (v ? v[k] === '1' : settings[k]);
  return (
    <section class="narrow" aria-labelledby="crisis-title">
      <h1 id="crisis-title">{t('crisis.title', { community: community.name })}</h1>
      <p>{t('crisis.intro')}</p>
      <h2>{t('crisis.active.title')}</h2>
      {props.crises.length === 0 ? (
        <p>{t('crisis.active.none')}</p>
      ) : (
        <ul class="crises">
          {props.crises.map((c) => (
            <li>
              <strong>
                {c.topic
                  ? t('crisis.scope.topic', { title: c.topic.title })
                  : t('crisis.scope.community')}
              </strong>
              <br />
              {t('crisis.since', { at: at(c.startedAt) })} · {t(`crisis.trigger.${c.trigger}`)}
              <br />
              {t('crisis.lastTrigger', { at: at(c.lastTriggerAt) })} ·{' '}
              {t('crisis.endsAt', { at: at(c.endsIfCalmAt) })}
              <form method="post" action={`${base}/${c.id}/renew`} class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit">{t('crisis.renew')}</button>
              </form>{' '}
              <form method="post" action={`${base}/${c.id}/end`} class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit">{t('crisis.end')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('crisis.start.title')}</h2>
      {props.form === 'start' && <FormError ctx={ctx} message={failure?.message} />}
      <form method="post" action={`${base}/start`} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="topicId"
          label={t('crisis.start.topic')}
          value={props.form === 'start' ? (props.values?.topicId ?? '') : ''}
          error={
            props.form === 'start' && failure?.field === 'topicId' ? failure.message : undefined
          }
        />
        <button type="submit">{t('crisis.start.submit')}</button>
      </form>
      <h2>{t('crisis.settings.title')}</h2>
      {props.form === 'settings' && <FormError ctx={ctx} message={failure?.message} />}
      {props.canEdit ? (
        <form method="post" action={`${base}/settings`} novalidate>
          <CsrfField ctx={ctx} />
          {flags.map((k) => (
            <div class="field">
              <input id={`field-${k}`} type="checkbox" name={k} value="1" checked={checked(k)} />{' '}
              <label for={`field-${k}`}>{t(`crisis.settings.${k}`)}</label>
            </div>
          ))}
          <Field
            name="slowModeMinutes"
            label={t('crisis.settings.slowModeMinutes')}
            hint={t('crisis.settings.slowModeHint', { max: bounds.slowMax })}
            value={v?.slowModeMinutes ?? String(settings.slowModeMinutes)}
            required
            error={failure?.field === 'slowModeMinutes' ? failure.message : undefined}
          />
          <Field
            name="calmMinutes"
            label={t('crisis.settings.calmMinutes')}
            hint={t('crisis.settings.calmHint', { min: bounds.calmMin, max: bounds.calmMax })}
            value={v?.calmMinutes ?? String(settings.calmMinutes)}
            required
            error={failure?.field === 'calmMinutes' ? failure.message : undefined}
          />
          <button type="submit">{t('crisis.settings.submit')}</button>
        </form>
      ) : (
        <>
          <p>{t('crisis.settings.readOnly')}</p>
          <ul>
            {flags.map((k) => (
              <li>
                {t(`crisis.settings.${k}`)} : {settings[k] ? '✓' : '✗'}
              </li>
            ))}
            <li>
              {t('crisis.settings.slowModeMinutes')} : {settings.slowModeMinutes}
            </li>
            <li>
              {t('crisis.settings.calmMinutes')} : {settings.calmMinutes}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

/** The banner staff see on the community's pages while a crisis is under way. */
export function CrisisBanner(props: { ctx: PageContext; slug: string; since: number }) {
  const { t, locale } = props.ctx;
  return (
    <p class="notice crisis-banner" role="status">
      {t('crisis.banner', { since: formatDate(locale, props.since) })}{' '}
      <a href={crisisPath(props.slug)}>{t('crisis.banner.link')}</a>
    </p>
  );
}
