import { userPath } from '../../accounts/index.js';
import { assignBuddyPath, buddiesPath } from '../../buddies/index.js';
import { firstPostAlertPath } from '../../first-post-alert/index.js';
import { firstStepsEditPath } from '../../first-steps/index.js';
import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { firstPostHref } from '../present.js';
import { welcomeNewcomerPath, welcomeTemplatesPath } from '../paths.js';
import type { QueueEntry } from '../service.js';

/** The animators' welcome queue: one row per newcomer, with the action that welcomes them. */
export function WelcomeQueuePage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  days: number;
  newcomers: QueueEntry[];
}) {
  const { ctx, community } = props;
  const { t } = ctx;
  const date = (at: number) => formatDate(ctx.locale, at);
  return (
    <section aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.queue.title', { community: community.name })}</h1>
      <p>{t('welcome.queue.intro', { days: props.days })}</p>
      <ul class="actions">
        <li>
          <a href={welcomeTemplatesPath(community.slug)}>{t('welcome.queue.templates')}</a>
        </li>
        <li>
          <a href={firstStepsEditPath(community.slug)}>{t('welcome.queue.firstSteps')}</a>
        </li>
        <li>
          <a href={firstPostAlertPath(community.slug)}>{t('welcome.queue.alert')}</a>
        </li>
        <li>
          <a href={buddiesPath(community.slug)}>{t('welcome.queue.buddies')}</a>
        </li>
      </ul>
      {props.newcomers.length === 0 ? (
        <p>{t('welcome.queue.empty', { days: props.days })}</p>
      ) : (
        <table class="welcome-queue">
          <thead>
            <tr>
              <th scope="col">{t('welcome.queue.member')}</th>
              <th scope="col">{t('welcome.queue.joined')}</th>
              <th scope="col">{t('welcome.queue.interests')}</th>
              <th scope="col">{t('welcome.queue.posted')}</th>
              <th scope="col">{t('welcome.queue.answered')}</th>
              <th scope="col">{t('welcome.queue.welcomed')}</th>
              <th scope="col">{t('buddies.queue.buddy')}</th>
            </tr>
          </thead>
          <tbody>
            {props.newcomers.map((n) => (
              <tr key={n.member.id} data-newcomer={n.member.handle}>
                <th scope="row">
                  <a href={userPath(n.member.handle)}>{n.member.displayName}</a>
                </th>
                <td>{date(n.joinedAt)}</td>
                <td>{n.interests}</td>
                <td>
                  {n.firstPost ? (
                    <a href={firstPostHref(community.slug, n.firstPost)}>
                      {t('welcome.queue.firstPost', { date: date(n.firstPost.at) })}
                    </a>
                  ) : (
                    t('welcome.queue.notPosted')
                  )}
                </td>
                <td>
                  {n.answer
                    ? t('welcome.queue.answeredBy', {
                        name: n.answer.by.displayName,
                        date: date(n.answer.at),
                      })
                    : n.firstPost && t('welcome.queue.noAnswer')}
                </td>
                <td>
                  {n.welcome ? (
                    t('welcome.queue.welcomedBy', {
                      name: n.welcome.by.displayName,
                      date: date(n.welcome.at),
                    })
                  ) : (
                    <a class="button" href={welcomeNewcomerPath(community.slug, n.member.id)}>
                      {t('welcome.queue.welcome', { name: n.member.displayName })}
                    </a>
                  )}
                </td>
                <td>
                  {n.buddy ? (
                    <a href={userPath(n.buddy.handle)}>{n.buddy.displayName}</a>
                  ) : (
                    <a href={assignBuddyPath(community.slug, n.member.id)}>
                      {t('buddies.queue.choose', { name: n.member.displayName })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
