import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { presentTeamPost } from '../present.js';

/** Who really wrote each team post and message: instance admins only. */
export function TeamPostsAuditPage(props: {
  ctx: PageContext;
  posts: ReturnType<typeof presentTeamPost>[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('teams.audit.title')}</h1>
      <p>{t('teams.audit.intro')}</p>
      {props.posts.length === 0 ? (
        <p class="muted">{t('teams.audit.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('teams.audit.when')}</th>
              <th scope="col">{t('teams.audit.team')}</th>
              <th scope="col">{t('teams.audit.what')}</th>
              <th scope="col">{t('teams.audit.author')}</th>
              <th scope="col">{t('teams.audit.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {props.posts.map((p) => (
              <tr key={`${p.kind}-${p.targetId}`}>
                <td>{formatDate(ctx.locale, Date.parse(p.createdAt))}</td>
                <td>{p.team.name}</td>
                <td>{t(`teams.audit.kind.${p.kind}`, { id: p.targetId })}</td>
                <td>
                  {p.author
                    ? `${p.author.displayName} (@${p.author.handle})`
                    : t('teams.audit.removed')}
                </td>
                <td>{p.signature}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
