import { userPath } from '../../accounts/index.js';
import type { ComponentChildren } from 'preact';
import { CsrfField, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { CommunityAccess, GroupAccess } from '../policy.js';
import type { GroupRow } from '../store.js';
import { CommunityHeader, GroupHeader, GroupList } from './headers.js';
import { communityPath, groupPath } from '../paths.js';

type ListedGroup = GroupRow & { member_count: number | null };
type Request = { id: number; handle: string; display_name: string; joined_at: number };

/**
 * A community's page around its topics (`children`, from the conversations feature). Outsiders
 * of a private community read what it is and how to ask in, not an empty list. The groups come
 * before the topics in the page, so that a phone shows them first; wide screens put them aside.
 */
export function CommunityPage(props: {
  ctx: PageContext;
  view: {
    access: CommunityAccess;
    canReadContent: boolean;
    groups: ListedGroup[];
    memberCount: number;
    pendingRequests: number | null;
  };
  children: ComponentChildren;
}) {
  const { ctx, view } = props;
  const header = (
    <CommunityHeader
      ctx={ctx}
      access={view.access}
      memberCount={view.memberCount}
      pendingRequests={view.pendingRequests}
    />
  );
  if (!view.canReadContent) {
    return (
      <div>
        {header}
        <PrivateCommunityNotice ctx={ctx} access={view.access} />
      </div>
    );
  }
  return (
    <div class="community-layout">
      <div class="community-head">{header}</div>
      <aside class="community-groups">
        <GroupList ctx={ctx} access={view.access} groups={view.groups} />
      </aside>
      <div class="community-topics">{props.children}</div>
    </div>
  );
}

function PrivateCommunityNotice(props: { ctx: PageContext; access: CommunityAccess }) {
  const { ctx, access } = props;
  const { t } = ctx;
  const c = access.community;
  const status = access.membership?.status;
  const charter = `${communityPath(c.slug)}/charter`;
  return (
    <section class="notice" aria-labelledby="private-title">
      <h2 id="private-title">{t('communities.private.title')}</h2>
      <p>{t('communities.private.body')}</p>
      {c.purpose === '' && <p>{t('communities.private.purposeHidden')}</p>}
      {status === 'pending' && <p>{t('communities.private.pending')}</p>}
      {status === 'invited' && <p>{t('communities.private.invited')}</p>}
      {status === undefined && <p>{t('communities.private.howToJoin')}</p>}
      {!ctx.viewer && (
        <p>
          <a href={`/signin?next=${encodeURIComponent(charter)}`}>
            {t('communities.private.signIn')}
          </a>
        </p>
      )}
    </section>
  );
}

/** A group's page around its topics; a private group shows members its card and the way in. */
export function GroupPage(props: {
  ctx: PageContext;
  access: CommunityAccess;
  view: {
    g: GroupAccess;
    canReadContent: boolean;
    activeMembers: number | null;
    suggestSplit: boolean;
    requests: Request[];
  };
  children: ComponentChildren;
}) {
  const { ctx, access, view } = props;
  const { t } = ctx;
  const status = view.g.groupMember?.status;
  const base = groupPath(access.community.slug, view.g.group.slug);
  return (
    <div>
      <GroupHeader
        ctx={ctx}
        access={access}
        g={view.g}
        activeMembers={view.activeMembers}
        suggestSplit={view.suggestSplit}
      />
      {view.requests.length > 0 && <GroupRequests ctx={ctx} base={base} requests={view.requests} />}
      {view.canReadContent ? (
        props.children
      ) : (
        <section class="notice" aria-labelledby="private-title">
          <h2 id="private-title">{t('communities.group.private.title')}</h2>
          <p>{t('communities.group.private.body')}</p>
          <p>
            {t(
              status === 'pending'
                ? 'communities.group.private.pending'
                : status === 'invited'
                  ? 'communities.group.private.invited'
                  : view.g.group.visibility === 'invite_only'
                    ? 'communities.group.private.inviteOnly'
                    : 'communities.group.private.howToJoin',
            )}
          </p>
        </section>
      )}
    </div>
  );
}

/** Requests to join a group, for its animators to approve where members ask. */
function GroupRequests(props: { ctx: PageContext; base: string; requests: Request[] }) {
  const { ctx, base } = props;
  const { t } = ctx;
  return (
    <section class="warning" aria-labelledby="group-requests-title">
      <h2 id="group-requests-title">
        {t('communities.group.requests', { count: props.requests.length })}
      </h2>
      <ul class="member-list">
        {props.requests.map((r) => (
          <li key={r.id}>
            <a href={userPath(r.handle)}>{r.display_name}</a>{' '}
            <span class="muted">
              {t('communities.members.requestedOn', { date: formatDate(ctx.locale, r.joined_at) })}
            </span>{' '}
            <form method="post" action={`${base}/members/${r.id}/approve`} class="inline">
              <CsrfField ctx={ctx} />
              <button
                type="submit"
                aria-label={`${t('communities.members.approve')} ${r.display_name}`}
              >
                {t('communities.members.approve')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
