import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { leaderboardPath, recognitionAdminPath } from '../paths.js';

/** The animators' page: propose a spotlight, switch the leaderboard on or off. */
export function RecognitionAdminPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  leaderboard: boolean;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const base = recognitionAdminPath(community.slug);
  return (
    <section class="narrow" aria-labelledby="recognition-title">
      <h1 id="recognition-title">{t('recognition.admin.title', { community: community.name })}</h1>
      <h2>{t('recognition.admin.spotlight.title')}</h2>
      <p>{t('recognition.admin.spotlight.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={`${base}/spotlights`} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="handle"
          label={t('recognition.admin.spotlight.handle')}
          hint={t('recognition.admin.spotlight.handleHint')}
          value={v.handle}
          required
          maxLength={100}
          error={err('handle')}
        />
        <Field
          name="portrait"
          multiline
          label={t('recognition.admin.spotlight.portrait')}
          hint={t('recognition.admin.spotlight.portraitHint')}
          value={v.portrait}
          required
          maxLength={1000}
          error={err('portrait')}
        />
        <div class={err('until') ? 'field has-error' : 'field'}>
          <label for="field-until">{t('recognition.admin.spotlight.until')}</label>
          <p class="hint" id="field-until-hint">
            {t('recognition.admin.spotlight.untilHint')}
          </p>
          {err('until') && (
            <p class="error" id="field-until-error">
              {err('until')}
            </p>
          )}
          <input
            id="field-until"
            name="until"
            type="date"
            required
            value={v.until}
            aria-describedby={
              err('until') ? 'field-until-hint field-until-error' : 'field-until-hint'
            }
            aria-invalid={err('until') ? true : undefined}
          />
        </div>
        <button type="submit">{t('recognition.admin.spotlight.submit')}</button>
      </form>
      <h2>{t('recognition.admin.leaderboard.title')}</h2>
      <p>{t('recognition.admin.leaderboard.intro')}</p>
      <form method="post" action={`${base}/leaderboard`}>
        <CsrfField ctx={ctx} />
        <div class="field">
          <input
            id="field-leaderboard"
            type="checkbox"
            name="enabled"
            value="1"
            checked={props.leaderboard}
          />{' '}
          <label for="field-leaderboard">{t('recognition.admin.leaderboard.on')}</label>
        </div>
        <button type="submit">{t('recognition.admin.leaderboard.submit')}</button>
      </form>
      {props.leaderboard && (
        <p>
          <a href={leaderboardPath(community.slug)}>{t('recognition.admin.leaderboard.link')}</a>
        </p>
      )}
    </section>
  );
}
