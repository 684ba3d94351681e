import type { PageContext } from '../../http/index.js';
import { toPlainText } from '../../markdown/index.js';
import type { CommunityRow } from '../store.js';
import { Badges } from './headers.js';
import { communityPath } from '../paths.js';

export function HomePage(props: {
  ctx: PageContext;
  communities: { community: CommunityRow; memberCount: number; isMember: boolean }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('communities.home.title')}</h1>
      <p>{t('communities.home.intro')}</p>
      {ctx.viewer?.isAdmin && (
        <p>
          <a class="button" href="/communities/new">
            {t('communities.home.create')}
          </a>
        </p>
      )}
      {props.communities.length === 0 ? (
        <p>{t('communities.home.empty')}</p>
      ) : (
        <ul class="cards">
          {props.communities.map(({ community: c, memberCount, isMember }) => (
            <li key={c.id} class="card">
              <h2>
                <a href={communityPath(c.slug)}>{c.name}</a>
              </h2>
              <Badges ctx={ctx} typology={c.typology} visibility={c.visibility} />
              {c.purpose !== '' && <p>{toPlainText(c.purpose, 240)}</p>}
              <p class="muted">
                {t('communities.members', { count: Number(memberCount) })}
                {isMember && ` · ${t('communities.youAreMember')}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
