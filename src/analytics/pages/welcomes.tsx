import type { PageContext } from '../../http/index.js';
import type { CockpitView } from '../privacy.js';
import { FigureTable, Section } from './figures.js';
import { fmt } from './format.js';

/** Whether the welcomes work: the period's welcomes, by whom, and who came back (welcomes.ts). */
export function WelcomesSection(props: {
  ctx: PageContext;
  welcomes: NonNullable<CockpitView['welcomes']>;
}) {
  const { t } = props.ctx;
  const f = fmt(props.ctx);
  const w = props.welcomes;
  return (
    <Section id="welcomes" title={t('analytics.welcomes.title')}>
      <p>{t('analytics.welcomes.intro')}</p>
      <FigureTable
        caption={t('analytics.welcomes.title')}
        head={[t('analytics.table.figure'), t('analytics.table.value')]}
        rows={[
          [t('analytics.welcomes.welcomed'), f.count(w.welcomed)],
          [t('analytics.welcomes.byStaff'), f.count(w.by_staff)],
          [t('analytics.welcomes.byMembers'), f.count(w.by_members)],
          [t('analytics.welcomes.cameBack'), f.count(w.came_back_30d)],
          [t('analytics.welcomes.stillWithin'), f.count(w.still_within_30d)],
          [t('analytics.welcomes.cameBackRate'), f.share(w.came_back_rate)],
        ]}
      />
    </Section>
  );
}
