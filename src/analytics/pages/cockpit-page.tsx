import type { ComponentChildren } from 'preact';
import { userPath } from '../../accounts/index.js';
import { communityPath } from '../../communities/index.js';
import type { PostLink } from '../../conversations/index.js';
import type { PageContext } from '../../http/index.js';
import { formatCalendar, formatDate } from '../../i18n/index.js';
import { circleNames } from '../circles.js';
import { stages } from '../lifecycle.js';
import { isoWeekStart } from '../stats.js';
import type { CockpitView } from '../privacy.js';
import { NewcomerActs, ReplyAct, WriteTo, type Acts, type Names } from './acts.js';
import { AtAGlance } from './at-a-glance.js';
import { Chart, FigureTable, Fold, FOLD_MONTHS, Section, Series, TableBox } from './figures.js';
import { fmt } from './format.js';
import { PeriodForm } from './period-form.js';
import { WelcomesSection } from './welcomes.js';
import { welcomeQueuePath } from '../../welcome/index.js';

export interface CockpitPageProps {
  ctx: PageContext;
  /** What the cockpit is of: a community, one group, or the whole instance. */
  heading: string;
  /** The cockpit's own address; its CSV is the same with `.csv`. */
  base: string;
  trail: { href: string; label: string }[];
  /** A community's cockpit links each group's row to that group's cockpit, same period. */
  groupCockpit?: ((groupSlug: string) => string) | undefined;
  /** When the community or group began: the period form offers its whole history. */
  since?: number | undefined;
  cockpit: CockpitView;
  /** Figures only (a sponsor; staff on a group they may not read): no list, no to-do. */
  isSponsor: boolean;
  /** Staff on a group they may not read: told why they see figures only. */
  isOutside?: boolean | undefined;
  query: string;
  days: number | undefined;
  names: Names;
  /** What staff may do beside each name (a community's or group's cockpit); none for sponsors. */
  acts?: Acts | undefined;
  titles: Map<number, PostLink>;
  /** Reply id → its address on its topic's page, and that topic's title. */
  replies: Map<number, PostLink>;
}

/** Lists on the page stop here; the API and the CSV carry every figure. */
export const LIST_LIMIT = 200;

/** Shares as whole percents for the charts; a withheld share stays out (null). */
const percents = (shares: (number | null)[]) =>
  shares.map((share) => (share === null ? null : Math.round(share * 1000) / 10));

/** The groups of a community's cockpit, or the communities of the instance's: never both. */
function stageRows(c: CockpitView) {
  return c.lifecycle.groups.length > 0 ? c.lifecycle.groups : c.lifecycle.communities;
}

/**
 * Each group's (community's) member share, one bar each, one series per stage that occurs: the
 * legend names the stages by their colours.
 */
function stagesChart(rows: ReturnType<typeof stageRows>, ctx: PageContext) {
  const present = stages.filter((stage) => rows.some((r) => r.stage === stage));
  // The table has the whole names; a long one would squeeze the bars.
  const short = (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name);
  return {
    labels: rows.map((r) => short(r.name)),
    series: present.map((stage) => ({
      label: ctx.t(`analytics.stage.${stage}`),
      color: stages.indexOf(stage),
      values: rows.map((r) =>
        r.stage === stage && r.member_share !== null ? percents([r.member_share])[0] : null,
      ),
    })),
  };
}

/** Data for the chart script, in a JSON block that the browser never executes. */
function chartData(c: CockpitView, ctx: PageContext) {
  const { t, locale } = ctx;
  const f = fmt(ctx, c.period);
  // Days without their year read better under a chart, unless the period spans two years.
  const days = c.activity.daily.map((d) => d.date);
  const oneYear = days[0]?.slice(0, 4) === days[days.length - 1]?.slice(0, 4);
  const dayLabel = (ms: number) => formatCalendar(locale, ms, oneYear ? 'shortDay' : 'mediumDay');
  const months = c.activity.monthly.map((m) => f.month(m.month));
  const json = JSON.stringify({
    // How cockpit.js names a table's box when it scrolls: not the caption alone, which the
    // section around it often bears too.
    tableBox: t('analytics.table.box', { caption: '{caption}' }),
    circles: {
      labels: circleNames.map((n) => t(`analytics.circle.${n}`)),
      values: circleNames.map((n) => c.circles.counts[n]),
    },
    ladder: {
      labels: ['reached', 'interacting', 'engaged'].map((n) => t(`analytics.ladder.${n}`)),
      values: [c.ladder.reached, c.ladder.interacting, c.ladder.engaged],
    },
    flows: {
      labels: c.ladder.flows.map((flow) => f.month(flow.month, { flows: true })),
      series: (['up', 'held', 'down'] as const).map((k) => ({
        label: t(`analytics.ladder.${k}`),
        values: c.ladder.flows.map((flow) => flow[k]),
      })),
    },
    dau: {
      label: t('analytics.activity.dau'),
      labels: days.map((date) => dayLabel(Date.parse(date))),
      values: c.activity.daily.map((d) => d.dau),
    },
    responsiveness: {
      labels: [
        t('analytics.responsiveness.within24'),
        t('analytics.responsiveness.within48'),
        t('analytics.responsiveness.questionAnswered'),
        t('analytics.responsiveness.questionAccepted'),
      ],
      values: percents([
        c.responsiveness.answered_within_24h,
        c.responsiveness.answered_within_48h,
        c.responsiveness.question_answered_rate,
        c.responsiveness.question_accepted_rate,
      ]),
    },
    newcomers: {
      labels: [
        t('analytics.newcomers.answered48'),
        t('analytics.newcomers.retention30short'),
        t('analytics.newcomers.retention90short'),
        t('analytics.newcomers.coreShareShort'),
      ],
      values: percents([
        c.newcomers.first_post_answered_48h,
        c.newcomers.retention_30d.rate,
        c.newcomers.retention_90d.rate,
        c.newcomers.core_share_of_welcomes,
      ]),
    },
    curve: {
      label: t('analytics.concentration.curve'),
      equal: t('analytics.concentration.equal'),
      labels: c.concentration.curve.map((point) => f.share(point.top)),
      values: percents(c.concentration.curve.map((point) => point.share)),
      diagonal: c.concentration.curve.map((point) => Math.round((point.top ?? 0) * 100)),
    },
    wau: {
      label: t('analytics.activity.wau'),
      labels: c.activity.weekly.map((w) => dayLabel(isoWeekStart(w.week))),
      values: c.activity.weekly.map((w) => w.wau),
    },
    mau: {
      label: t('analytics.activity.mau'),
      labels: months,
      values: c.activity.monthly.map((m) => m.mau),
    },
    arrivals: {
      labels: months,
      series: [
        { label: t('analytics.activity.growth'), values: c.activity.monthly.map((m) => m.growth) },
        {
          label: t('analytics.activity.goneShort'),
          values: c.activity.monthly.map((m) => m.churn),
        },
      ],
    },
    stickiness: {
      label: t('analytics.activity.monthStickiness'),
      labels: months,
      values: percents(c.activity.monthly.map((m) => m.stickiness)),
    },
    stages: stagesChart(stageRows(c), ctx),
  });
  return json.replace(/</g, '\\u003c');
}

export function CockpitPage(props: CockpitPageProps) {
  const { ctx, cockpit: c } = props;
  const { t } = ctx;
  const f = fmt(ctx, c.period);
  const stage = c.lifecycle.stage;
  const rule = c.circles.reference.rule_1_9_90;
  const { core, contributor } = c.circles.counts;
  const participating = core === null || contributor === null ? null : core + contributor;
  // Unanswered topics: in which group, and for how long by the end of the period (or now).
  const groupNames = new Map(c.lifecycle.groups.map((g) => [g.groupId, g.name]));
  const waitedUntil = Math.min(Date.parse(c.period.to), Date.now());
  const longMonths = (count: number) =>
    count > FOLD_MONTHS ? t('analytics.table.months', { count }) : undefined;
  return (
    <div class="cockpit">
      {props.trail.length > 0 && (
        <p class="breadcrumb">
          {props.trail.map((link, i) => (
            <>
              {i > 0 && ' › '}
              <a href={link.href}>{link.label}</a>
            </>
          ))}
        </p>
      )}
      <h1>{t('analytics.title', { name: props.heading })}</h1>
      <PeriodForm
        ctx={ctx}
        action={props.base}
        days={props.days}
        period={c.period}
        since={props.since}
      />
      <p>
        <a href={`${props.base}.csv${props.query}`} download>
          {t('analytics.csv')}
        </a>
      </p>
      {props.isSponsor && (
        <p class="notice">{t(props.isOutside ? 'analytics.outside' : 'analytics.sponsor')}</p>
      )}
      <AtAGlance ctx={ctx} cockpit={c} isSponsor={props.isSponsor} />

      <Section id="lifecycle" title={t('analytics.lifecycle.title')}>
        <p class="stage">
          <strong>
            {t('analytics.lifecycle.stage', { stage: t(`analytics.stage.${stage ?? 'hidden'}`) })}
          </strong>
        </p>
        <p>{stage ? t(`analytics.advice.${stage}`) : t('analytics.stage.hiddenWhy')}</p>
        {c.lifecycle.warning && (
          <p class="warning">{t(`analytics.lifecycle.warning.${c.lifecycle.warning}`)}</p>
        )}
        <FigureTable
          caption={t('analytics.lifecycle.title')}
          head={[t('analytics.table.figure'), t('analytics.table.value')]}
          rows={[
            [t('analytics.lifecycle.memberShare'), f.share(c.lifecycle.member_share)],
            [t('analytics.activity.active30'), f.count(c.lifecycle.active_members_30d)],
          ]}
        />
        {stageRows(c).length > 0 && (
          <>
            <h3>
              {t(
                c.lifecycle.groups.length > 0
                  ? 'analytics.lifecycle.groups'
                  : 'analytics.lifecycle.communities',
              )}
            </h3>
            {/* Above its table, not beside it: the table's columns need the width. */}
            <Chart name="stages" label={t('analytics.lifecycle.chart')} />
          </>
        )}
        <StageTable
          ctx={ctx}
          caption={t('analytics.lifecycle.groups')}
          scopeLabel={t('analytics.lifecycle.group')}
          rows={c.lifecycle.groups.map((g) => ({
            href: props.groupCockpit ? `${props.groupCockpit(g.slug)}${props.query}` : null,
            ...g,
          }))}
        />
        <StageTable
          ctx={ctx}
          caption={t('analytics.lifecycle.communities')}
          scopeLabel={t('analytics.lifecycle.community')}
          rows={c.lifecycle.communities.map((x) => ({
            href: `${communityPath(x.slug)}/cockpit${props.query}`,
            ...x,
          }))}
        />
      </Section>

      <Section id="circles" title={t('analytics.circles.title')}>
        <p>{t('analytics.circles.intro')}</p>
        <div class="chart-and-table">
          <Chart name="circles" label={t('analytics.circles.title')} />
          <TableBox>
            <table class="figures">
              <caption>{t('analytics.circles.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.table.figure')}</th>
                  <th scope="col">{t('analytics.table.count')}</th>
                  <th scope="col">{t('analytics.table.share')}</th>
                  <th scope="col">{t('analytics.circles.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {circleNames.map((n) => (
                  <tr key={n}>
                    <th scope="row">{t(`analytics.circle.${n}`)}</th>
                    <td>{f.count(c.circles.counts[n])}</td>
                    <td>{f.share(c.circles.shares[n])}</td>
                    {n === 'core' || n === 'contributor' ? (
                      <td>{f.share(rule[n])}</td>
                    ) : (
                      // Reactors, lurkers and dormant members are the rule's 90 % together.
                      n === 'reactor' && <td rowSpan={3}>{f.share(rule.others)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('analytics.circles.participating')}</th>
                  <td>{f.count(participating)}</td>
                  <td>{f.share(c.circles.participating_share)}</td>
                  <td>{f.share(c.circles.reference.participate_10_watch_90.participate)}</td>
                </tr>
              </tfoot>
            </table>
          </TableBox>
        </div>
        {c.circles.core_members.length > 0 && (
          <MemberList
            summary={t('analytics.circles.coreMembers', { count: c.circles.core_members.length })}
            names={props.names}
            people={c.circles.core_members.slice(0, LIST_LIMIT).map((m) => ({
              id: m.memberId,
              note: t('analytics.circles.coreMember', {
                contributions: f.plural(m.contributions),
                weeks: f.plural(m.weeks),
              }),
            }))}
          />
        )}
      </Section>

      <Section id="ladder" title={t('analytics.ladder.title')}>
        {onlyInteracting(c.ladder) && <p class="muted">{t('analytics.ladder.noVisits')}</p>}
        <div class="chart-and-table">
          <Chart name="ladder" label={t('analytics.ladder.title')} />
          <FigureTable
            caption={t('analytics.ladder.title')}
            head={[t('analytics.table.figure'), t('analytics.table.value')]}
            rows={[
              [t('analytics.ladder.reached'), f.count(c.ladder.reached)],
              [t('analytics.ladder.membersReached'), f.count(c.ladder.members_reached)],
              [t('analytics.ladder.anonymousVisitors'), f.count(c.ladder.anonymous_visitors)],
              [t('analytics.ladder.interacting'), f.count(c.ladder.interacting)],
              [t('analytics.ladder.engaged'), f.count(c.ladder.engaged)],
              [
                t('analytics.ladder.conversion1'),
                f.share(c.ladder.conversion.interacting_per_reached),
              ],
              [
                t('analytics.ladder.conversion2'),
                f.share(c.ladder.conversion.engaged_per_interacting),
              ],
            ]}
          />
        </div>
        <div class="chart-and-table">
          <Chart name="flows" label={t('analytics.ladder.flows')} />
          <Fold summary={longMonths(c.ladder.flows.length)}>
            <FigureTable
              caption={t('analytics.ladder.flows')}
              head={[
                t('analytics.ladder.month'),
                t('analytics.ladder.up'),
                t('analytics.ladder.held'),
                t('analytics.ladder.down'),
              ]}
              rows={c.ladder.flows.map((row) => [
                f.month(row.month, { flows: true }),
                f.count(row.up),
                f.count(row.held),
                f.count(row.down),
              ])}
            />
          </Fold>
        </div>
      </Section>

      <Section id="responsiveness" title={t('analytics.responsiveness.title')}>
        <div class="chart-and-table">
          <Chart name="responsiveness" label={t('analytics.responsiveness.rates')} />
          <FigureTable
            caption={t('analytics.responsiveness.title')}
            head={[t('analytics.table.figure'), t('analytics.table.value')]}
            rows={[
              [t('analytics.responsiveness.topics'), f.count(c.responsiveness.topics)],
              [t('analytics.responsiveness.median'), f.decimal(c.responsiveness.median_hours)],
              [t('analytics.responsiveness.p90'), f.decimal(c.responsiveness.p90_hours)],
              [
                t('analytics.responsiveness.within24'),
                f.share(c.responsiveness.answered_within_24h),
              ],
              [
                t('analytics.responsiveness.within48'),
                f.share(c.responsiveness.answered_within_48h),
              ],
              [
                t('analytics.responsiveness.questionAnswered'),
                f.share(c.responsiveness.question_answered_rate),
              ],
              [
                t('analytics.responsiveness.questionAccepted'),
                f.share(c.responsiveness.question_accepted_rate),
              ],
            ]}
          />
        </div>
        {!props.isSponsor && (
          <details>
            <summary>
              {t('analytics.responsiveness.unanswered', {
                count: c.responsiveness.unanswered.length,
              })}
            </summary>
            <ul>
              {c.responsiveness.unanswered.slice(0, LIST_LIMIT).map((u, i) => {
                const topic = props.titles.get(u.topicId ?? 0);
                const group = topic && u.groupId !== null ? groupNames.get(u.groupId) : undefined;
                const at = u.createdAt ?? 0;
                return (
                  <li key={u.topicId ?? `hidden-${i}`}>
                    {topic ? (
                      <a href={topic.href}>{topic.title}</a>
                    ) : u.topicId === null ? (
                      t('analytics.responsiveness.privateTopic')
                    ) : (
                      `#${u.topicId}`
                    )}{' '}
                    <span class="muted">
                      {[
                        t(
                          `conversations.kind.${u.kind === 'question' ? 'question' : 'discussion'}`,
                        ),
                        ...(group ? [group] : []),
                        formatDate(ctx.locale, at),
                        t('analytics.responsiveness.waiting', { delay: f.delay(waitedUntil - at) }),
                      ].join(' · ')}
                    </span>
                    <ReplyAct ctx={ctx} topic={topic} />
                  </li>
                );
              })}
            </ul>
          </details>
        )}
      </Section>

      <Section id="newcomers" title={t('analytics.newcomers.title')}>
        {c.newcomers.welcome_gap_warning && (
          <p class="warning">{t('analytics.newcomers.welcomeGapWarning')}</p>
        )}
        <div class="chart-and-table">
          <Chart name="newcomers" label={t('analytics.newcomers.rates')} />
          <FigureTable
            caption={t('analytics.newcomers.title')}
            head={[t('analytics.table.figure'), t('analytics.table.value')]}
            rows={[
              [t('analytics.newcomers.count'), f.count(c.newcomers.count)],
              [t('analytics.newcomers.answered48'), f.share(c.newcomers.first_post_answered_48h)],
              [
                t('analytics.newcomers.retention30', {
                  eligible: f.plural(c.newcomers.retention_30d.eligible),
                }),
                f.share(c.newcomers.retention_30d.rate),
              ],
              [
                t('analytics.newcomers.retention90', {
                  eligible: f.plural(c.newcomers.retention_90d.eligible),
                }),
                f.share(c.newcomers.retention_90d.rate),
              ],
              [t('analytics.newcomers.welcomeGap'), f.coefficient(c.newcomers.welcome_gap)],
              [t('analytics.newcomers.coreShare'), f.share(c.newcomers.core_share_of_welcomes)],
            ]}
          />
        </div>
        {!props.isSponsor && props.acts?.canWelcome && (
          <p>
            <a href={welcomeQueuePath(props.acts.communitySlug)}>{t('analytics.act.queue')}</a>
          </p>
        )}
        {!props.isSponsor && (
          // Open for staff who may act on it: the to-do is one click from the welcome.
          <details open={props.acts !== undefined && c.newcomers.unanswered_48h.length > 0}>
            <summary>
              {t('analytics.newcomers.unanswered', { count: c.newcomers.unanswered_48h.length })}
            </summary>
            <ul>
              {c.newcomers.unanswered_48h.slice(0, LIST_LIMIT).map((n) => (
                <li key={n.memberId}>
                  <Member id={n.memberId} names={props.names} /> —{' '}
                  <FirstPost post={n} titles={props.titles} replies={props.replies} t={t} />{' '}
                  {n.at !== null && <span class="muted">{formatDate(ctx.locale, n.at)}</span>}
                  {props.acts && n.memberId !== null && (
                    <NewcomerActs
                      ctx={ctx}
                      acts={props.acts}
                      memberId={n.memberId}
                      post={n}
                      titles={props.titles}
                      replies={props.replies}
                      names={props.names}
                    />
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
        {!props.isSponsor && (
          <details>
            <summary>
              {t('analytics.newcomers.members', { count: c.newcomers.members.length })}
            </summary>
            <p>{t('analytics.newcomers.membersIntro')}</p>
            <ul>
              {c.newcomers.members.slice(0, LIST_LIMIT).map((n) => (
                <li key={n.memberId}>
                  <Member id={n.memberId} names={props.names} /> —{' '}
                  <FirstPost post={n} titles={props.titles} replies={props.replies} t={t} />{' '}
                  <span class="muted">
                    {formatDate(ctx.locale, n.at ?? 0)}
                    {/* Who answered, only where the reader may read the post. */}
                    {isReadable(n, props) &&
                      (n.answeredAt === null ? (
                        <> · {t('analytics.newcomers.notAnswered')}</>
                      ) : (
                        <>
                          {' · '}
                          {t('analytics.newcomers.answeredBy', {
                            delay: f.delay(n.answeredAt - (n.at ?? 0)),
                          })}{' '}
                          <Member id={n.answeredBy} names={props.names} />
                        </>
                      ))}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      {c.welcomes && <WelcomesSection ctx={ctx} welcomes={c.welcomes} />}

      <Section id="concentration" title={t('analytics.concentration.title')}>
        <FigureTable
          caption={t('analytics.concentration.title')}
          head={[t('analytics.table.figure'), t('analytics.table.value')]}
          rows={[
            [t('analytics.concentration.contributors'), f.count(c.concentration.contributors)],
            [t('analytics.concentration.top10'), f.share(c.concentration.top10_share)],
            [t('analytics.concentration.absence'), f.count(c.concentration.absence_factor)],
            [t('analytics.concentration.gini'), f.coefficient(c.concentration.gini)],
          ]}
        />
        <Series
          name="curve"
          title={t('analytics.concentration.curve')}
          head={[t('analytics.concentration.top'), t('analytics.concentration.share')]}
          rows={c.concentration.curve.map((point) => [
            t('analytics.concentration.topShare', { share: f.share(point.top) }),
            f.share(point.share),
          ])}
        />
      </Section>

      <Section id="activity" title={t('analytics.activity.title')}>
        <FigureTable
          caption={t('analytics.activity.title')}
          head={[t('analytics.table.figure'), t('analytics.table.value')]}
          rows={[
            [t('analytics.activity.stickiness'), f.share(c.activity.stickiness)],
            [t('analytics.activity.growth'), f.count(c.activity.growth)],
            [t('analytics.activity.churn'), f.count(c.activity.churn)],
            [t('analytics.activity.active30'), f.count(c.activity.active_last_30d)],
          ]}
        />
        {!props.isSponsor && (
          <MemberList
            summary={t('analytics.activity.churnedMembers', { count: c.churned_members.length })}
            intro={t('analytics.activity.churnedIntro')}
            names={props.names}
            people={c.churned_members.slice(0, LIST_LIMIT).map((m) => ({
              id: m.memberId,
              note: t('analytics.activity.churnedMember', {
                contributions: f.plural(m.contributions),
                reactions: f.plural(m.reactions),
              }),
              act: props.acts && (
                <WriteTo
                  ctx={ctx}
                  acts={props.acts}
                  kind="churned_member"
                  memberId={m.memberId}
                  names={props.names}
                />
              ),
            }))}
          />
        )}
        {/* Figures only: a day's or a week's active members could be taken from their month's. */}
        {!props.isSponsor && (
          <>
            <Series
              name="dau"
              title={t('analytics.activity.dau')}
              more={t('analytics.activity.byDay', { count: c.activity.daily.length })}
              head={[t('analytics.activity.day'), t('analytics.activity.dau')]}
              rows={c.activity.daily.map((d) => [f.day(d.date), f.count(d.dau)])}
            />
            <Series
              name="wau"
              title={t('analytics.activity.wau')}
              more={t('analytics.activity.byWeek', { count: c.activity.weekly.length })}
              head={[t('analytics.activity.week'), t('analytics.activity.wau')]}
              rows={c.activity.weekly.map((w) => [f.week(w.week), f.count(w.wau)])}
            />
          </>
        )}
        <h3>{t('analytics.activity.monthly')}</h3>
        <div class="chart-and-table">
          <div class="charts">
            <Chart name="mau" label={t('analytics.activity.mau')} />
            <Chart name="arrivals" label={t('analytics.activity.arrivals')} />
            <Chart name="stickiness" label={t('analytics.activity.stickinessByMonth')} />
          </div>
          <Fold summary={longMonths(c.activity.monthly.length)}>
            <FigureTable
              caption={t('analytics.activity.monthly')}
              head={[
                t('analytics.activity.month'),
                t('analytics.activity.mau'),
                t('analytics.activity.monthStickiness'),
                t('analytics.activity.growth'),
                t('analytics.activity.goneShort'),
              ]}
              rows={c.activity.monthly.map((m) => [
                f.month(m.month),
                f.count(m.mau),
                f.share(m.stickiness),
                f.count(m.growth),
                f.count(m.churn),
              ])}
            />
          </Fold>
        </div>
        <p class="muted">{t('analytics.activity.goneNote')}</p>
      </Section>

      {!props.isSponsor && (
        <Section
          id="inactive-core"
          title={t('analytics.inactiveCore.title', { count: c.recently_inactive_core.length })}
        >
          <p>{t('analytics.inactiveCore.intro')}</p>
          <ul>
            {c.recently_inactive_core.slice(0, LIST_LIMIT).map((p) => (
              <li key={p.memberId}>
                <Member id={p.memberId} names={props.names} />{' '}
                <span class="muted">
                  {t('analytics.lastContribution', {
                    contributions: f.plural(p.contributions),
                    date: f.day(p.lastContributionAt ?? 0),
                  })}
                </span>
                {props.acts && (
                  <WriteTo
                    ctx={ctx}
                    acts={props.acts}
                    kind="quiet_pillar"
                    memberId={p.memberId}
                    names={props.names}
                  />
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <script
        type="application/json"
        id="cockpit-data"
        dangerouslySetInnerHTML={{ __html: chartData(c, ctx) }}
      />
      <script src="/assets/vendor/chart.umd.min.js" defer />
      <script src="/assets/cockpit.js" defer />
    </div>
  );
}

/** The stage of each group of a community, or of each community: its cockpit one click away. */
/**
 * Everyone reached also interacted, and no anonymous reader came: the period holds no visit
 * (an imported history has none), so the first conversion says nothing.
 */
function onlyInteracting(l: CockpitView['ladder']): boolean {
  return (
    l.interacting !== null &&
    l.interacting > 0 &&
    l.members_reached === l.interacting &&
    l.anonymous_visitors === 0
  );
}

function StageTable(props: {
  ctx: PageContext;
  caption: string;
  scopeLabel: string;
  rows: {
    name: string;
    href: string | null;
    stage: string | null;
    member_share: number | null;
    active_members_30d: number | null;
    unanswered_topics: number | null;
  }[];
}) {
  const { t } = props.ctx;
  const f = fmt(props.ctx);
  if (props.rows.length === 0) return null;
  // Sponsors have no to-do figures: the column goes with them.
  const toDo = props.rows.some((r) => r.unanswered_topics !== null);
  return (
    <FigureTable
      caption={props.caption}
      head={[
        props.scopeLabel,
        t('analytics.lifecycle.stageColumn'),
        t('analytics.lifecycle.memberShare'),
        t('analytics.activity.active30'),
        ...(toDo ? [t('analytics.glance.unanswered')] : []),
      ]}
      text={[1]}
      rows={props.rows.map((r) => [
        r.href ? <a href={r.href}>{r.name}</a> : r.name,
        t(`analytics.stage.${r.stage ?? 'hidden'}`),
        f.share(r.member_share),
        f.count(r.active_members_30d),
        ...(toDo ? [f.count(r.unanswered_topics)] : []),
      ])}
    />
  );
}

/** Whether the reader may read a newcomer's first post: its topic's or reply's address is known. */
function isReadable(
  post: { topicId: number | null; replyId: number | null },
  links: { titles: Map<number, PostLink>; replies: Map<number, PostLink> },
): boolean {
  return links.titles.has(post.topicId ?? 0) || links.replies.has(post.replyId ?? 0);
}

/** A newcomer's first post: its topic, or their reply and its topic, if the reader may see it. */
function FirstPost(props: {
  post: { topicId: number | null; replyId: number | null };
  titles: Map<number, PostLink>;
  replies: Map<number, PostLink>;
  t: PageContext['t'];
}) {
  const { topicId, replyId } = props.post;
  // The cockpit drops the ids of a post in a group the reader does not read (readable.ts).
  if (topicId === null && replyId === null)
    return <>{props.t('analytics.newcomers.firstPostPrivate')}</>;
  const topic = props.titles.get(topicId ?? 0);
  if (topic) return <a href={topic.href}>{topic.title}</a>;
  const reply = props.replies.get(replyId ?? 0);
  if (!reply) return <>{props.t('analytics.newcomers.firstPostHidden')}</>;
  return (
    <>
      <a href={reply.href}>{props.t('analytics.newcomers.firstReply')}</a>{' '}
      {props.t('analytics.newcomers.inTopic', { title: reply.title })}
    </>
  );
}

/**
 * The people behind a figure, folded under it: each a link to their profile, and a note. The
 * caller gives at most LIST_LIMIT of them.
 */
function MemberList(props: {
  summary: string;
  intro?: string;
  people: { id: number | null; note: string; act?: ComponentChildren }[];
  names: Names;
}) {
  return (
    <details>
      <summary>{props.summary}</summary>
      {props.intro && <p>{props.intro}</p>}
      <ul>
        {props.people.map((p) => (
          <li key={p.id}>
            <Member id={p.id} names={props.names} /> <span class="muted">{p.note}</span>
            {p.act}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * A member named by a link to their profile (a former member: by that word, without a link), or
 * by their id when the name is not known.
 */
function Member(props: { id: number | null; names: Names }) {
  const who = props.names.get(props.id ?? 0);
  if (!who) return <>{`#${props.id ?? ''}`}</>;
  return who.handle ? <a href={userPath(who.handle)}>{who.displayName}</a> : <>{who.displayName}</>;
}
