import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import type { CommunityAccess } from '../policy.js';
import { typologies, visibilities } from '../schemas.js';
import type { CommunityRow } from '../store.js';
import { communityPath, groupPath } from '../paths.js';

function Select(props: {
  ctx: PageContext;
  name: string;
  label: string;
  options: readonly string[];
  prefix: string;
  value: string | undefined;
}) {
  const id = `field-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.options.map((o) => (
          <option key={o} value={o} selected={o === props.value}>
            {props.ctx.t(`${props.prefix}.${o}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

type FormProps = { ctx: PageContext; values?: FormBody; failure?: FormFailure | undefined };
const errOf = (f: FormFailure | undefined, name: string) =>
  f?.field === name ? f.message : undefined;

export function CommunityForm(props: FormProps & { community?: CommunityRow; saved?: boolean }) {
  const { ctx, failure, community } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const isNew = !community;
  const title = isNew
    ? t('communities.new.title')
    : t('communities.settings.title', { name: community.name });
  return (
    <section class="narrow">
      <h1>{title}</h1>
      {props.saved && (
        <p class="notice" role="status">
          {t('communities.settings.saved')}
        </p>
      )}
      <FormError ctx={ctx} message={failure?.message} />
      <form
        method="post"
        action={isNew ? '/communities/new' : `${communityPath(community.slug)}/settings`}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Field
          name="name"
          label={t('communities.field.name')}
          value={v.name ?? community?.name}
          required
          maxLength={120}
          error={errOf(failure, 'name')}
        />
        {isNew && (
          <Field
            name="slug"
            label={t('communities.field.slug')}
            hint={t('communities.field.slugHint')}
            value={v.slug}
            required
            maxLength={60}
            error={errOf(failure, 'slug')}
          />
        )}
        <Field
          name="purpose"
          multiline
          rows={4}
          label={t('communities.field.purpose')}
          hint={t('communities.field.purposeHint')}
          value={v.purpose ?? community?.purpose}
          required
          error={errOf(failure, 'purpose')}
        />
        <div class="field checkbox">
          <input
            type="checkbox"
            id="field-purposePublic"
            name="purposePublic"
            value="1"
            checked={
              props.values ? v.purposePublic === '1' : (community?.purpose_public ?? 1) === 1
            }
            aria-describedby="field-purposePublic-hint"
          />
          <label for="field-purposePublic">{t('communities.field.purposePublic')}</label>
        </div>
        <p class="hint" id="field-purposePublic-hint">
          {t('communities.field.purposePublicHint')}
        </p>
        <Select
          ctx={ctx}
          name="typology"
          label={t('communities.field.typology')}
          options={typologies}
          prefix="communities.typology"
          value={v.typology ?? community?.typology}
        />
        <Select
          ctx={ctx}
          name="visibility"
          label={t('communities.field.visibility')}
          options={visibilities}
          prefix="communities.visibility"
          value={v.visibility ?? community?.visibility}
        />
        {isNew && (
          <Field
            name="charter"
            multiline
            label={t('communities.field.charter')}
            hint={t('communities.field.charterHint')}
            value={v.charter}
            required
            error={errOf(failure, 'charter')}
          />
        )}
        <button type="submit">
          {isNew ? t('communities.new.submit') : t('communities.settings.submit')}
        </button>
      </form>
    </section>
  );
}

export function PublishCharterForm(
  props: FormProps & { community: CommunityRow; current: string },
) {
  const { ctx, failure } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h2>{t('communities.charter.publish')}</h2>
      <form
        method="post"
        action={`${communityPath(props.community.slug)}/charter/publish`}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Field
          name="body"
          multiline
          rows={12}
          label={t('communities.field.charter')}
          hint={t('communities.charter.publishHint')}
          value={props.values?.body ?? props.current}
          required
          error={errOf(failure, 'body')}
        />
        <button type="submit">{t('communities.charter.publish')}</button>
      </form>
    </section>
  );
}

export function GroupForm(
  props: FormProps & {
    access: CommunityAccess;
    group?: { slug: string; name: string; description: string; visibility: string };
  },
) {
  const { ctx, failure, access, group } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const base = communityPath(access.community.slug);
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={base}>{access.community.name}</a>
      </p>
      <h1>{group ? t('communities.group.edit.title') : t('communities.group.new.title')}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form
        method="post"
        action={
          group ? `${groupPath(access.community.slug, group.slug)}/settings` : `${base}/groups/new`
        }
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Field
          name="name"
          label={t('communities.field.name')}
          value={v.name ?? group?.name}
          required
          maxLength={120}
          error={errOf(failure, 'name')}
        />
        {!group && (
          <Field
            name="slug"
            label={t('communities.field.slug')}
            hint={t('communities.field.slugHint')}
            value={v.slug}
            required
            maxLength={60}
            error={errOf(failure, 'slug')}
          />
        )}
        <Field
          name="description"
          multiline
          rows={4}
          label={t('communities.field.description')}
          value={v.description ?? group?.description}
          error={errOf(failure, 'description')}
        />
        <Select
          ctx={ctx}
          name="visibility"
          label={t('communities.field.visibility')}
          options={visibilities}
          prefix="communities.visibility"
          value={v.visibility ?? group?.visibility}
        />
        <button type="submit">
          {group ? t('communities.settings.submit') : t('communities.group.new.submit')}
        </button>
      </form>
    </section>
  );
}
