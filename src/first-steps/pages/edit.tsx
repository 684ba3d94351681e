import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { firstStepsEditPath, firstStepsPath } from '../paths.js';
import type { FirstStepsSettings } from '../service.js';
import { MAX_TEXT } from '../texts.js';

/** The animators' form: the texts in French and English, and where newcomers introduce themselves. */
export function FirstStepsEditPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  settings: FirstStepsSettings;
  groups: { id: number; name: string }[];
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, settings, failure } = props;
  const { t } = ctx;
  const v = props.values;
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const text = (name: string, shown: string) => (
    <Field
      name={name}
      multiline
      rows={5}
      label={t(`firstSteps.edit.${name}`)}
      value={v ? v[name] : shown}
      maxLength={MAX_TEXT}
      error={err(name)}
    />
  );
  const group = v ? (v.introduceGroupId ?? '') : String(settings.introduceGroupId ?? '');
  const groupError = err('introduceGroupId');
  return (
    <section class="narrow" aria-labelledby="first-steps-edit-title">
      <h1 id="first-steps-edit-title">
        {t('firstSteps.edit.title', { community: community.name })}
      </h1>
      <p>{t('firstSteps.edit.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={firstStepsEditPath(community.slug)} novalidate>
        <CsrfField ctx={ctx} />
        {text('welcomeFr', settings.texts.fr.welcome)}
        {text('welcomeEn', settings.texts.en.welcome)}
        {text('askFr', settings.texts.fr.ask)}
        {text('askEn', settings.texts.en.ask)}
        <fieldset>
          <legend>{t('firstSteps.edit.place')}</legend>
          <Field
            name="introduceTopicId"
            label={t('firstSteps.edit.topic')}
            hint={t('firstSteps.edit.topicHint')}
            value={v ? v.introduceTopicId : String(settings.introduceTopicId ?? '')}
            error={err('introduceTopicId')}
          />
          <div class={groupError ? 'field has-error' : 'field'}>
            <label for="field-introduceGroupId">{t('firstSteps.edit.group')}</label>
            {groupError && (
              <p class="error" id="field-introduceGroupId-error">
                {groupError}
              </p>
            )}
            <select
              id="field-introduceGroupId"
              name="introduceGroupId"
              aria-describedby={groupError ? 'field-introduceGroupId-error' : undefined}
              aria-invalid={groupError ? true : undefined}
            >
              <option value="">{t('firstSteps.edit.noGroup')}</option>
              {props.groups.map((g) => (
                <option key={g.id} value={String(g.id)} selected={group === String(g.id)}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button type="submit">{t('firstSteps.edit.submit')}</button>
      </form>
      <p>
        <a href={firstStepsPath(community.slug)}>{t('firstSteps.edit.back')}</a>
      </p>
    </section>
  );
}
