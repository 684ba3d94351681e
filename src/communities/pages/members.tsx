import { userPath } from '../../accounts/index.js';
import { CsrfField, Field, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { CommunityAccess } from '../policy.js';
import { communityRoles } from '../schemas.js';
import { communityPath } from '../paths.js';

type Member = {
  id: number;
  handle: string;
  display_name: string;
  role: string;
  status: string;
  joined_at: number;
};

/** Requests to join first, for the animators who approve them; then invitations, then members. */
export function MembersPage(props: {
  ctx: PageContext;
  access: CommunityAccess;
  canManage: boolean;
  members: Member[];
}) {
  const { ctx, access, canManage } = props;
  const { t } = ctx;
  const base = communityPath(access.community.slug);
  const pending = props.members.filter((m) => m.status === 'pending');
  const invited = props.members.filter((m) => m.status === 'invited');
  const active = props.members.filter((m) => m.status === 'active');
  return (
    <section>
      <p class="breadcrumb">
        <a href={base}>{access.community.name}</a>
      </p>
      <h1>{t('communities.members.title', { name: access.community.name })}</h1>
      {canManage && (
        <section id="requests" aria-labelledby="requests-title">
          <h2 id="requests-title">
            {t('communities.members.requests', { count: pending.length })}
          </h2>
          {pending.length === 0 ? (
            <p class="muted">{t('communities.members.requestsNone')}</p>
          ) : (
            <ul class="member-list">
              {pending.map((m) => (
                <li key={m.id}>
                  <MemberName m={m} />{' '}
                  <span class="muted">
                    {t('communities.members.requestedOn', {
                      date: formatDate(ctx.locale, m.joined_at),
                    })}
                  </span>{' '}
                  <form method="post" action={`${base}/members/${m.id}`} class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="approve" value="1" />
                    <button
                      type="submit"
                      aria-label={`${t('communities.members.approve')} ${m.display_name}`}
                    >
                      {t('communities.members.approve')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canManage && (
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
      {canManage && invited.length > 0 && (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('communities.members.invitations')}</h2>
          <ul class="member-list">
            {invited.map((m) => (
              <li key={m.id}>
                <MemberName m={m} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('communities.members.list')}</h2>
        <ul class="member-list">
          {active.map((m) => (
            <li key={m.id}>
              <MemberName m={m} /> · {t(`communities.role.${m.role}`)}{' '}
              <span class="muted">
                {t('communities.members.since', { date: formatDate(ctx.locale, m.joined_at) })}
              </span>
              {canManage && (
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
    </section>
  );
}

function MemberName(props: { m: Member }) {
  return (
    <>
      <a href={userPath(props.m.handle)}>{props.m.display_name}</a>{' '}
      <span class="muted">@{props.m.handle}</span>
    </>
  );
}
