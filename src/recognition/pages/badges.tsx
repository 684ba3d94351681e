import { userPath } from '../../accounts/index.js';
import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { badgeWords, type Badge } from '../badges.js';
import type { EarnedBadge } from '../service.js';

/** One badge: its name and what it thanks, and when it was earned (if it was). */
function BadgeItem(props: { ctx: PageContext; badge: Badge; awardedAt: number | null }) {
  const { ctx, badge } = props;
  const words = badgeWords(badge, ctx.locale);
  return (
    <li class={props.awardedAt === null ? 'badge muted' : 'badge'}>
      <strong>{words.name}</strong> — {words.description}
      <br />
      <small>
        {props.awardedAt === null
          ? ctx.t('recognition.badges.notYet')
          : ctx.t('recognition.badges.earned', { date: formatDate(ctx.locale, props.awardedAt) })}
      </small>
    </li>
  );
}

/** A community's badges, with those the viewer earned there. */
export function CommunityBadgesPage(props: {
  ctx: PageContext;
  community: { name: string };
  badges: { badge: Badge; awardedAt: number | null }[];
}) {
  const { ctx } = props;
  const earned = props.badges.filter((b) => b.awardedAt !== null).length;
  return (
    <section class="narrow" aria-labelledby="badges-title">
      <h1 id="badges-title">
        {ctx.t('recognition.badges.title', { community: props.community.name })}
      </h1>
      <p>{ctx.t('recognition.badges.intro')}</p>
      {ctx.viewer && <p>{ctx.t('recognition.badges.yours', { count: earned })}</p>}
      <ul class="badges">
        {props.badges.map((b) => (
          <BadgeItem key={b.badge.id} ctx={ctx} badge={b.badge} awardedAt={b.awardedAt} />
        ))}
      </ul>
    </section>
  );
}

/** The badges section of a member's profile, grouped by community. */
export function ProfileBadges(props: { ctx: PageContext; earned: EarnedBadge[] }) {
  const { ctx } = props;
  const byCommunity = new Map<number, EarnedBadge[]>();
  for (const e of props.earned)
    byCommunity.set(e.community.id, [...(byCommunity.get(e.community.id) ?? []), e]);
  return (
    <section class="profile-badges" aria-labelledby="profile-badges-title">
      <h2 id="profile-badges-title">{ctx.t('recognition.profile.title')}</h2>
      {byCommunity.size === 0 && <p class="muted">{ctx.t('recognition.profile.none')}</p>}
      {[...byCommunity.values()].map((list) => {
        const community = list[0]?.community;
        if (!community) return null;
        return (
          <div key={community.id}>
            <h3>{ctx.t('recognition.profile.in', { community: community.name })}</h3>
            <ul class="badges">
              {list.map((e) => (
                <BadgeItem key={e.badge.id} ctx={ctx} badge={e.badge} awardedAt={e.awardedAt} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** The member in the spotlight, pinned on the community's home. */
export function SpotlightCard(props: {
  ctx: PageContext;
  spotlight: { portrait: string; until_at: number; handle: string; display_name: string };
}) {
  const { ctx, spotlight: s } = props;
  return (
    <section class="spotlight notice" aria-labelledby="spotlight-title">
      <h2 id="spotlight-title">
        {ctx.t('recognition.spotlight.heading', { name: s.display_name })}
      </h2>
      {s.portrait.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      <p>
        <a href={userPath(s.handle)}>
          {ctx.t('recognition.spotlight.profile', { name: s.display_name })}
        </a>
      </p>
    </section>
  );
}
