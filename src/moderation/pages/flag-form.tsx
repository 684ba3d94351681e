import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { flagReasons } from '../schemas.js';
import { MAX_FLAG_TEXT } from '../service.js';
import type { FlagTargetKind } from '../store.js';

/** The small form that flags one thing: a reason, and a text for "other". */
export function FlagFormPage(props: {
  ctx: PageContext;
  kind: FlagTargetKind;
  id: number;
  action: string;
  communityId: number | undefined;
  communities: { id: number; name: string }[];
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure, kind } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const needsCommunity = (kind === 'user' || kind === 'message') && props.communityId === undefined;
  return (
    <section class="narrow" aria-labelledby="flag-title">
      <h1 id="flag-title">
        {t('moderation.flag.title', { what: t('moderation.flag.what', { kind }) })}
      </h1>
      <p>{t('moderation.flag.intro')}</p>
      {kind === 'message' && <p>{t('moderation.flag.messageIntro')}</p>}
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        {props.communityId !== undefined && (
          <input type="hidden" name="communityId" value={String(props.communityId)} />
        )}
        {needsCommunity && (
          <div class="field">
            <label for="field-communityId">{t('moderation.flag.community')}</label>
            <select id="field-communityId" name="communityId" required>
              {props.communities.map((c) => (
                <option value={String(c.id)} selected={v.communityId === String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset class={err('reason') ? 'field has-error' : 'field'}>
          <legend>{t('moderation.flag.reason')}</legend>
          {flagReasons.map((r) => (
            <label class="choice">
              <input
                type="radio"
                name="reason"
                value={r}
                required
                checked={(v.reason ?? 'off_topic') === r}
              />{' '}
              {t(`moderation.reason.${r}`)}
            </label>
          ))}
        </fieldset>
        <Field
          name="text"
          multiline
          rows={4}
          label={t('moderation.flag.text')}
          value={v.text ?? ''}
          maxLength={MAX_FLAG_TEXT}
          error={err('text')}
        />
        <button type="submit">{t('moderation.flag.submit')}</button>
      </form>
    </section>
  );
}
