import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { renderMarkdown } from '../../markdown/index.js';
import type { CommunityAccess } from '../policy.js';
import { communityRoles, typologies, visibilities } from '../schemas.js';
import type { CommunityRow } from '../store.js';

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
        action={isNew ? '/communities/new' : `/c/${community.slug}/settings`}
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
      <form method="post" action={`/c/${props.community.slug}/charter/publish`} novalidate>
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

export function CharterPage(props: {
  ctx: PageContext;
  access: CommunityAccess;
  charter: { version: number; body: string; created_at: number } | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, access, charter } = props;
  const { t } = ctx;
  const c = access.community;
  const m = access.membership;
  const needsAcceptance =
    ctx.viewer &&
    charter &&
    (!m ||
      m.status === 'invited' ||
      (m.status === 'active' && (m.charter_version ?? 0) < charter.version));
  const submit =
    m?.status === 'active'
      ? 'communities.charter.reaccept'
      : c.visibility === 'public' || m?.status === 'invited'
        ? 'communities.charter.join'
        : 'communities.charter.request';
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={`/c/${c.slug}`}>{c.name}</a>
      </p>
      <h1>{t('communities.charter.title', { name: c.name })}</h1>
      {charter && (
        <>
          <p class="muted">
            {t('communities.charter.version', { version: charter.version })} ·{' '}
            {formatDate(ctx.locale, charter.created_at)}
          </p>
          <div
            class="prose charter"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(charter.body) }}
          />
        </>
      )}
      <FormError ctx={ctx} message={props.failure?.message} />
      {needsAcceptance && (
        <form method="post" action={`/c/${c.slug}/join`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="charterVersion" value={String(charter.version)} />
          <div class="field checkbox">
            <input type="checkbox" id="field-accept" name="accept" value="1" required />
            <label for="field-accept">{t('communities.charter.accept')}</label>
          </div>
          <button type="submit">{t(submit)}</button>
        </form>
      )}
      {!ctx.viewer && (
        <p>
          <a href={`/signin?next=${encodeURIComponent(`/c/${c.slug}/charter`)}`}>
            {t('nav.signin')}
          </a>
        </p>
      )}
    </section>
  );
}

export function MembersPage(props: {
  ctx: PageContext;
  access: CommunityAccess;
  canManage: boolean;
  members: {
    id: number;
    handle: string;
    display_name: string;
    role: string;
    status: string;
    joined_at: number;
  }[];
}) {
  const { ctx, access } = props;
  const { t } = ctx;
  const base = `/c/${access.community.slug}`;
  return (
    <section>
      <p class="breadcrumb">
        <a href={base}>{access.community.name}</a>
      </p>
      <h1>{t('communities.members.title', { name: access.community.name })}</h1>
      {props.canManage && (
        <form method="post" action={`${base}/invitations`} class="inline-form">
          <CsrfField ctx={ctx} />
          <Field
            name="handle"
            label={t('communities.members.inviteHandle')}
            required
            maxLength={30}
          />
          <button type="submit">{t('communities.members.invite')}</button>
        </form>
      )}
      <ul class="member-list">
        {props.members.map((m) => (
          <li key={m.id}>
            <a href={`/u/${m.handle}`}>{m.display_name}</a> <span class="muted">@{m.handle}</span> ·{' '}
            {t(`communities.role.${m.role}`)}
            {m.status !== 'active' && (
              <strong> · {t(`communities.status.${m.status}`)}</strong>
            )}{' '}
            <span class="muted">
              {t('communities.members.since', { date: formatDate(ctx.locale, m.joined_at) })}
            </span>
            {props.canManage && m.status === 'pending' && (
              <form method="post" action={`${base}/members/${m.id}`} class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="approve" value="1" />
                <button type="submit">{t('communities.members.approve')}</button>
              </form>
            )}
            {props.canManage && m.status === 'active' && (
              <form method="post" action={`${base}/members/${m.id}`} class="inline">
                <CsrfField ctx={ctx} />
                <label class="visually-hidden" for={`role-${m.id}`}>
                  {t('communities.members.role', { name: m.display_name })}
                </label>
                <select id={`role-${m.id}`} name="role">
                  {communityRoles.map((r) => (
                    <option key={r} value={r} selected={r === m.role}>
                      {t(`communities.role.${r}`)}
                    </option>
                  ))}
                </select>
                <button type="submit">{t('communities.members.save')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
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
  const base = `/c/${access.community.slug}`;
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={base}>{access.community.name}</a>
      </p>
      <h1>{group ? t('communities.group.edit.title') : t('communities.group.new.title')}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form
        method="post"
        action={group ? `${base}/g/${group.slug}/settings` : `${base}/groups/new`}
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
