import { userPath } from '../../accounts/index.js';
import { CsrfField, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { buddiesPath } from '../paths.js';
import type { Volunteer } from '../service.js';

/**
 * A community's buddies page: a member volunteers or withdraws; its animators also see the
 * volunteers, with how many newcomers each has and whether they are active enough to be proposed.
 */
export function BuddiesPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  isMember: boolean;
  isVolunteering: boolean;
  activeDays: number;
  volunteers: Volunteer[] | undefined;
}) {
  const { ctx, community } = props;
  const { t } = ctx;
  const date = (at: number) => formatDate(ctx.locale, at);
  return (
    <section aria-labelledby="buddies-title">
      <h1 id="buddies-title">{t('buddies.title', { community: community.name })}</h1>
      <p>{t('buddies.intro')}</p>
      {props.isMember && (
        <form method="post" action={buddiesPath(community.slug)}>
          <CsrfField ctx={ctx} />
          <p>{t(props.isVolunteering ? 'buddies.status.on' : 'buddies.status.off')}</p>
          <input type="hidden" name="volunteer" value={props.isVolunteering ? 'no' : 'yes'} />
          <button type="submit">
            {t(props.isVolunteering ? 'buddies.withdraw' : 'buddies.volunteer')}
          </button>
          {props.isVolunteering && <p class="hint">{t('buddies.withdrawHint')}</p>}
        </form>
      )}
      {props.volunteers && (
        <section aria-labelledby="volunteers-title">
          <h2 id="volunteers-title">{t('buddies.volunteers.title')}</h2>
          <p>{t('buddies.volunteers.intro', { days: props.activeDays })}</p>
          {props.volunteers.length === 0 ? (
            <p>{t('buddies.volunteers.empty')}</p>
          ) : (
            <table class="buddy-volunteers">
              <thead>
                <tr>
                  <th scope="col">{t('buddies.volunteers.member')}</th>
                  <th scope="col">{t('buddies.volunteers.since')}</th>
                  <th scope="col">{t('buddies.volunteers.newcomers')}</th>
                  <th scope="col">{t('buddies.volunteers.lastActive')}</th>
                </tr>
              </thead>
              <tbody>
                {props.volunteers.map((v) => (
                  <tr key={v.member.id} data-volunteer={v.member.handle}>
                    <th scope="row">
                      <a href={userPath(v.member.handle)}>{v.member.displayName}</a>
                    </th>
                    <td>{date(v.since)}</td>
                    <td>{t('buddies.newcomerCount', { count: v.newcomers })}</td>
                    <td>
                      {v.lastActiveAt === undefined
                        ? t('buddies.volunteers.never')
                        : date(v.lastActiveAt)}
                      {!v.isActive && <> ({t('buddies.volunteers.inactive')})</>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
