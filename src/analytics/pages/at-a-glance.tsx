import type { PageContext } from '../../http/index.js';
import type { CockpitView } from '../privacy.js';
import { Section } from './figures.js';
import { fmt } from './format.js';

interface Figure {
  value: string;
  /** A word, not a number: set smaller to fit its tile. */
  word?: boolean;
  label: string;
  /** A line under the label: what the figure compares with. */
  note?: string | undefined;
  /** The section that tells more. */
  section: string;
}

/**
 * The cockpit in a few lines, first on the page: the headline figures, and for the community's
 * staff what waits for them, each a link to its section.
 */
export function AtAGlance(props: { ctx: PageContext; cockpit: CockpitView; isSponsor: boolean }) {
  const { t } = props.ctx;
  const c = props.cockpit;
  const f = fmt(props.ctx, c.period);
  const hours = c.responsiveness.median_hours;
  // The same count over the 30 days before: is the community growing or fading?
  const before = c.lifecycle.active_members_previous_30d;
  const figures: Figure[] = [
    {
      value: t(`analytics.stage.${c.lifecycle.stage ?? 'hidden'}`),
      word: true,
      label: t('analytics.glance.stage'),
      section: 'lifecycle',
    },
    {
      value: f.count(c.activity.active_last_30d),
      label: t('analytics.activity.active30'),
      note: before === null ? undefined : t('analytics.glance.before', { n: f.count(before) }),
      section: 'activity',
    },
    {
      value: f.share(c.circles.participating_share),
      label: t('analytics.circles.participating'),
      section: 'circles',
    },
    {
      value: hours === null ? f.decimal(null) : t('analytics.delay.hours', { n: f.decimal(hours) }),
      label: t('analytics.glance.median'),
      section: 'responsiveness',
    },
    {
      value: f.share(c.newcomers.first_post_answered_48h),
      label: t('analytics.glance.newcomersAnswered'),
      section: 'newcomers',
    },
  ];
  const todo: Figure[] = [
    {
      value: f.count(c.responsiveness.unanswered.length),
      label: t('analytics.glance.unanswered'),
      section: 'responsiveness',
    },
    {
      value: f.count(c.newcomers.unanswered_48h.length),
      label: t('analytics.glance.newcomersUnanswered'),
      section: 'newcomers',
    },
    {
      value: f.count(c.recently_inactive_core.length),
      label: t('analytics.glance.quietCore'),
      section: 'inactive-core',
    },
    {
      value: f.count(c.churned_members.length),
      label: t('analytics.glance.left'),
      section: 'activity',
    },
  ];
  return (
    <Section id="glance" title={t('analytics.glance.title')}>
      <Figures figures={figures} />
      {!props.isSponsor && (
        <>
          <h3>{t('analytics.glance.todo')}</h3>
          <Figures figures={todo} />
        </>
      )}
    </Section>
  );
}

function Figures(props: { figures: Figure[] }) {
  return (
    <ul class="key-figures">
      {props.figures.map((x) => (
        <li key={x.label}>
          <a href={`#${x.section}-title`}>
            <span class={x.word ? 'figure word' : 'figure'}>{x.value}</span>{' '}
            <span class="label">{x.label}</span>
            {x.note && <span class="note">{x.note}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
