import { CsrfField, type PageContext } from '../../http/index.js';
import { renderMarkdown } from '../../markdown/index.js';
import {
  canManageCommunity,
  canModerateCommunity,
  cockpitAudience,
  canManageGroup,
  isActiveMember,
  mustReacceptCharter,
  type CommunityAccess,
  type GroupAccess,
} from '../policy.js';
import type { GroupRow } from '../store.js';
import { communityPath, groupPath } from '../paths.js';

export function Badges(props: { ctx: PageContext; typology: string; visibility: string }) {
  const { t } = props.ctx;
  return (
    <p class="badges">
      <span class="badge">{t(`communities.typology.${props.typology}`)}</span>{' '}
      <span class="badge">{t(`communities.visibility.${props.visibility}`)}</span>
    </p>
  );
}

/** The top of every community page: who it is for, and what the viewer can do next. */
export function CommunityHeader(props: {
  ctx: PageContext;
  access: CommunityAccess;
  memberCount: number;
  /** Requests to join waiting, shown to the animators who approve them. */
  pendingRequests?: number | null;
}) {
  const { ctx, access } = props;
  const { t } = ctx;
  const c = access.community;
  const m = access.membership;
  const base = communityPath(c.slug);
  return (
    <header class="community-header">
      <h1>
        <a href={base}>{c.name}</a>
      </h1>
      <Badges ctx={ctx} typology={c.typology} visibility={c.visibility} />
      {c.purpose !== '' && (
        <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(c.purpose) }} />
      )}
      <p class="muted">{t('communities.members', { count: Number(props.memberCount) })}</p>
      <CharterChangedNotice ctx={ctx} access={access} />
      {!!props.pendingRequests && (
        <p class="warning">
          <a href={`${base}/members#requests`}>
            {t('communities.pendingRequests', { count: props.pendingRequests })}
          </a>
        </p>
      )}
      <ul class="actions">
        <li>
          <a href={`${base}/charter`}>{t('communities.readCharter')}</a>
        </li>
        {!m && (
          <li>
            <a class="button" href={`${base}/charter`}>
              {t(
                c.visibility === 'public'
                  ? 'communities.charter.join'
                  : 'communities.charter.request',
              )}
            </a>
          </li>
        )}
        {m?.status === 'invited' && (
          <li>
            <a class="button" href={`${base}/charter`}>
              {t('communities.charter.join')}
            </a>
          </li>
        )}
        {m?.status === 'pending' && <li class="muted">{t('communities.status.pending')}</li>}
        {isActiveMember(access) && (
          <li>
            <a href={`${base}/members`}>{t('communities.membersLink')}</a>
          </li>
        )}
        {(isActiveMember(access) || canManageCommunity(access)) && (
          <li>
            <a href={`${base}/buddies`}>{t('communities.buddiesLink')}</a>
          </li>
        )}
        {canManageCommunity(access) && (
          <li>
            <a href={`${base}/settings`}>{t('communities.manage')}</a>
          </li>
        )}
        {cockpitAudience(access) && (
          <li>
            <a href={`${base}/cockpit`}>{t('communities.cockpit')}</a>
          </li>
        )}
        {canModerateCommunity(access) && (
          <li>
            <a href={`${base}/watch-words`}>{t('watchWords.link')}</a>
          </li>
        )}
        {canManageCommunity(access) && (
          <>
            <li>
              <a href={`${base}/welcome`}>{t('communities.welcomeQueue')}</a>
            </li>
            <li>
              <a href={`${base}/recognition`}>{t('communities.recognition')}</a>
            </li>
            <li>
              <a href={`${base}/teams`}>{t('communities.teams')}</a>
            </li>
            <li>
              <a href={`${base}/calendar`}>{t('communities.calendar')}</a>
            </li>
          </>
        )}
        {isActiveMember(access) && (
          <li>
            <a href={`${base}/badges`}>{t('communities.badges')}</a>
          </li>
        )}
        {m && (
          <li>
            <form method="post" action={`${base}/leave`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="link">
                {t('communities.leave')}
              </button>
            </form>
          </li>
        )}
      </ul>
    </header>
  );
}

/** Where a member who may not post learns why: the charter changed since she accepted it. */
export function CharterChangedNotice(props: { ctx: PageContext; access: CommunityAccess }) {
  const { ctx, access } = props;
  if (!mustReacceptCharter(access)) return null;
  const { t } = ctx;
  return (
    <p class="notice" role="status">
      {t('communities.charter.changedTo', { version: access.charterVersion })}{' '}
      <a href={`${communityPath(access.community.slug)}/charter`}>
        {t('communities.charter.readNew', { version: access.charterVersion })}
      </a>
    </p>
  );
}

/** The groups listed to the viewer; a closed one shows its badge, never its figures (null). */
export function GroupList(props: {
  ctx: PageContext;
  access: CommunityAccess;
  groups: (GroupRow & { member_count: number | null })[];
}) {
  const { ctx, access } = props;
  const { t } = ctx;
  const base = communityPath(access.community.slug);
  return (
    <nav class="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('communities.groups.title')}</h2>
      {props.groups.length === 0 ? (
        <p class="muted">{t('communities.groups.empty')}</p>
      ) : (
        <ul>
          {props.groups.map((g) => (
            <li key={g.id}>
              <a href={groupPath(access.community.slug, g.slug)}>{g.name}</a>{' '}
              {g.visibility !== 'public' && (
                <span class="badge">{t(`communities.group.visibility.${g.visibility}`)}</span>
              )}
              {g.member_count !== null && (
                <span class="muted">
                  (
                  {t('communities.groups.members', {
                    count: Number(g.member_count),
                  })}
                  )
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManageCommunity(access) && (
        <p>
          <a href={`${base}/groups/new`}>{t('communities.groups.new')}</a>
        </p>
      )}
    </nav>
  );
}

export function GroupHeader(props: {
  ctx: PageContext;
  access: CommunityAccess;
  g: GroupAccess;
  activeMembers: number | null;
  suggestSplit: boolean;
}) {
  const { ctx, access, g } = props;
  const { t } = ctx;
  const base = groupPath(access.community.slug, g.group.slug);
  const status = g.groupMember?.status;
  const isCommunityMember = isActiveMember(access);
  return (
    <header class="group-header">
      <p class="breadcrumb">
        <a href={communityPath(access.community.slug)}>{access.community.name}</a>
      </p>
      <h1>{g.group.name}</h1>
      <p class="badges">
        <span class="badge">{t(`communities.group.visibility.${g.group.visibility}`)}</span>
      </p>
      {g.group.description && (
        <div
          class="prose"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(g.group.description) }}
        />
      )}
      {props.suggestSplit && canManageGroup(access, g) && (
        <p class="warning" role="status">
          {t('communities.group.split', { count: props.activeMembers ?? 0 })}
        </p>
      )}
      <ul class="actions">
        {isCommunityMember && (status === undefined || status === 'invited') && (
          <li>
            <form method="post" action={`${base}/join`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit">
                {t(
                  g.group.visibility === 'public' || status === 'invited'
                    ? 'communities.group.join'
                    : 'communities.group.request',
                )}
              </button>
            </form>
          </li>
        )}
        {status === 'pending' && <li class="muted">{t('communities.group.pending')}</li>}
        {status === 'active' && (
          <li>
            <form method="post" action={`${base}/leave`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="link">
                {t('communities.group.leave')}
              </button>
            </form>
          </li>
        )}
        {canManageGroup(access, g) && (
          <>
            <li>
              <a href={`${base}/settings`}>{t('communities.group.settings')}</a>
            </li>
            <li>
              <a href={`${communityPath(access.community.slug)}/calendar`}>
                {t('communities.calendar')}
              </a>
            </li>
          </>
        )}
        {cockpitAudience(access) && (
          <li>
            <a href={`${base}/cockpit`}>{t('communities.cockpit')}</a>
          </li>
        )}
      </ul>
    </header>
  );
}
