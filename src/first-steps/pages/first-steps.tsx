import { firstPostAlertPath } from '../../first-post-alert/index.js';
import type { PageContext } from '../../http/index.js';
import { charterPath, communityPath, composePath, firstStepsEditPath } from '../paths.js';
import type { FirstSteps } from '../service.js';

/** A community's first steps: its charter in a few lines, where to introduce oneself, groups, asking. */
export function FirstStepsPage(props: { ctx: PageContext; page: FirstSteps }) {
  const { ctx, page } = props;
  const { t } = ctx;
  const slug = page.community.slug;
  const { topic, group } = page.introduce;
  const reasons = new Set(page.groups.map((g) => g.reason));
  const groupsIntro =
    reasons.size === 2
      ? 'firstSteps.groups.mixed'
      : reasons.has('interests')
        ? 'firstSteps.groups.interests'
        : 'firstSteps.groups.active';
  return (
    <article class="narrow first-steps" aria-labelledby="first-steps-title">
      <h1 id="first-steps-title">{t('firstSteps.title', { community: page.community.name })}</h1>
      <p class="welcome">{page.welcome}</p>

      <section aria-labelledby="first-steps-charter">
        <h2 id="first-steps-charter">{t('firstSteps.charter.title')}</h2>
        {page.charter ? (
          <>
            <ul class="charter-lines">
              {page.charter.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <p>
              <a href={charterPath(slug)}>{t('firstSteps.charter.more')}</a>
            </p>
          </>
        ) : (
          <p>{t('firstSteps.charter.none')}</p>
        )}
      </section>

      <section aria-labelledby="first-steps-introduce">
        <h2 id="first-steps-introduce">{t('firstSteps.introduce.title')}</h2>
        {topic && (
          <p>
            <a href={topic.href}>{t('firstSteps.introduce.topic', { title: topic.title })}</a>
          </p>
        )}
        {group && (
          <p>
            <a href={group.href}>{t('firstSteps.introduce.group', { name: group.name })}</a>
          </p>
        )}
        {!topic && !group && (
          <p>
            {t('firstSteps.introduce.none')}{' '}
            <a href={composePath(slug)}>{t('firstSteps.introduce.start')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="first-steps-groups">
        <h2 id="first-steps-groups">{t('firstSteps.groups.title')}</h2>
        {page.groups.length === 0 ? (
          <p>{t('firstSteps.groups.none')}</p>
        ) : (
          <>
            <p>{t(groupsIntro)}</p>
            <ul class="first-steps-groups">
              {page.groups.map((g) => (
                <li key={g.id}>
                  <a href={g.href}>{g.name}</a>
                  {g.description !== '' && <span> — {g.description}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="first-steps-ask">
        <h2 id="first-steps-ask">{t('firstSteps.ask.title')}</h2>
        <p>{page.ask}</p>
        <p>
          <a href={composePath(slug)}>{t('firstSteps.ask.start')}</a>
        </p>
      </section>

      <p>
        <a href={communityPath(slug)}>{t('firstSteps.toCommunity')}</a>
      </p>
      {page.canEdit && (
        <ul class="staff-links">
          <li>
            <a href={firstStepsEditPath(slug)}>{t('firstSteps.edit.link')}</a>
          </li>
          <li>
            <a href={firstPostAlertPath(slug)}>{t('firstSteps.alert.link')}</a>
          </li>
        </ul>
      )}
    </article>
  );
}
