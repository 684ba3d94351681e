import { communityPath } from '../../communities/index.js';
import { AsTeamField } from '../../teams/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';

export function ComposePage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  groups: { id: number; name: string }[];
  /** The teams the viewer may post as here (animators of a team voice). */
  teams?: { id: number; name: string }[];
  values?: FormBody;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const kind = v.kind ?? 'discussion';
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={communityPath(props.community.slug)}>{props.community.name}</a>
      </p>
      <h1>{t('conversations.compose.title')}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={`${communityPath(props.community.slug)}/new`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('conversations.compose.kind')}</legend>
          <div class="radio">
            <input
              type="radio"
              id="kind-discussion"
              name="kind"
              value="discussion"
              checked={kind === 'discussion'}
            />
            <label for="kind-discussion">{t('conversations.compose.kindDiscussion')}</label>
          </div>
          <div class="radio">
            <input
              type="radio"
              id="kind-question"
              name="kind"
              value="question"
              checked={kind === 'question'}
            />
            <label for="kind-question">{t('conversations.compose.kindQuestion')}</label>
          </div>
        </fieldset>
        {(props.groups.length > 0 || err('groupId')) && (
          <div class={err('groupId') ? 'field has-error' : 'field'}>
            <label for="field-groupId">{t('conversations.compose.group')}</label>
            {err('groupId') && (
              <p class="error" id="field-groupId-error">
                {err('groupId')}
              </p>
            )}
            <select
              id="field-groupId"
              name="groupId"
              aria-describedby={err('groupId') ? 'field-groupId-error' : undefined}
              aria-invalid={err('groupId') ? true : undefined}
            >
              <option value="">{t('conversations.compose.noGroup')}</option>
              {props.groups.map((g) => (
                <option key={g.id} value={String(g.id)} selected={v.groupId === String(g.id)}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field
          name="title"
          label={t('conversations.field.title')}
          value={v.title}
          required
          maxLength={200}
          error={err('title')}
        />
        <Field
          name="body"
          multiline
          rows={10}
          label={t('conversations.field.body')}
          hint={t('conversations.field.bodyHint')}
          value={v.body}
          required
          error={err('body')}
        />
        <AsTeamField ctx={ctx} teams={props.teams ?? []} value={v.asTeam} error={err('asTeam')} />
        <button type="submit">{t('conversations.compose.submit')}</button>
      </form>
    </section>
  );
}

export function EditPostPage(props: {
  ctx: PageContext;
  action: string;
  back: string;
  title?: string | undefined;
  body: string;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure } = props;
  const { t } = ctx;
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  return (
    <section class="narrow">
      <h1>{t('conversations.edit.title')}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        {props.title !== undefined && (
          <Field
            name="title"
            label={t('conversations.field.title')}
            value={props.title}
            required
            maxLength={200}
            error={err('title')}
          />
        )}
        <Field
          name="body"
          multiline
          rows={12}
          label={t('conversations.field.body')}
          hint={t('conversations.field.bodyHint')}
          value={props.body}
          required
          error={err('body')}
        />
        <button type="submit">{t('conversations.edit.submit')}</button>{' '}
        <a href={props.back}>{t('page.back')}</a>
      </form>
    </section>
  );
}
