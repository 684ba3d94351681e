import { userPath } from '../../accounts/index.js';
import type { PageContext } from '../../http/index.js';
import type { Ranked } from '../service.js';

export function LeaderboardPage(props: {
  ctx: PageContext;
  community: { name: string };
  days: number;
  members: Ranked[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="narrow" aria-labelledby="leaderboard-title">
      <h1 id="leaderboard-title">
        {t('recognition.leaderboard.title', { community: props.community.name })}
      </h1>
      <p>{t('recognition.leaderboard.intro', { days: props.days })}</p>
      {props.members.length === 0 ? (
        <p>{t('recognition.leaderboard.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recognition.leaderboard.rank')}</th>
              <th scope="col">{t('recognition.leaderboard.member')}</th>
              <th scope="col">{t('recognition.leaderboard.badges')}</th>
              <th scope="col">{t('recognition.leaderboard.accepted')}</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.handle}>
                <td>{m.rank}</td>
                <th scope="row">
                  <a href={userPath(m.handle)}>{m.displayName}</a>
                </th>
                <td>{m.badges}</td>
                <td>{m.acceptedAnswers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
