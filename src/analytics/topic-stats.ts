import { sql, type RawBuilder } from 'kysely';
import { selectColumns, type Db, type Dialect } from '../db/index.js';
import type { Scope } from './rollup/scopes.js';
import { HOUR, median, percentile } from './stats.js';

/** Response times to the period's topics, reduced to what the indicators show. */
export interface Delays {
  /** Topics with a first response before `to`. */
  answered: number;
  medianHours: number | null;
  /** Nearest rank. */
  p90Hours: number | null;
  within24: number;
  within48: number;
  /** The median over topics by non-staff members who are not newcomers of the period. */
  veteranMedianHours: number | null;
  /** How many people wrote the topics behind that median: a sponsor sees it from 5 on. */
  veteranAuthors: number;
}

/** How many people wrote the period's topics, its answered topics and its questions. */
export interface Authors {
  topics: number;
  answered: number;
  questions: number;
}

/** The period's live topics, reduced in SQL: counts, response times, and those left unanswered. */
export interface TopicStats {
  topics: number;
  questions: number;
  questionsAnswered: number;
  questionsAccepted: number;
  delays: Delays;
  authors: Authors;
  unanswered: { id: number; at: number; kind: string; group: number | null; community: number }[];
}

interface Period {
  from: number;
  to: number;
  /** Staff ids: their topics are not the veterans'. */
  staff: number[];
}

interface Counts {
  topics: number;
  questions: number;
  questions_answered: number;
  accepted: number;
  authors: number;
  answered_authors: number;
  question_authors: number;
}

/**
 * The topics created in the period, live. On PostgreSQL the response times are reduced in SQL
 * (a large community's period has hundreds of thousands of answered topics); SQLite has no
 * percentile function, so there they are read and reduced here, to the same figures.
 */
export async function topicStats(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  period: Period,
  /** Only asked on SQLite: who is a newcomer of the period (their first post in it). */
  newcomers: () => Promise<Set<number>>,
): Promise<TopicStats> {
  const { from, to } = period;
  const topicsIn = sql`p.kind = 'topic' and p.deleted = 0
    ${scope.communityId !== 0 ? sql`and p.community_id = ${scope.communityId}` : sql``}
    ${scope.groupId !== 0 ? sql`and p.group_id = ${scope.groupId}` : sql``}
    and p.created_at >= ${from} and p.created_at < ${to}`;
  const answered = sql`p.first_reply_at is not null and p.first_reply_at < ${to}`;
  const countsOf = sql`count(*) as topics,
    sum(case when p.detail = 'question' then 1 else 0 end) as questions,
    sum(case when p.detail = 'question' and ${answered} then 1 else 0 end) as questions_answered,
    sum(case when p.detail = 'question' and p.accepted_reply_id is not null then 1 else 0 end) as accepted,
    count(distinct p.author_id) as authors,
    count(distinct case when ${answered} then p.author_id end) as answered_authors,
    count(distinct case when p.detail = 'question' then p.author_id end) as question_authors`;
  const [figures, unanswered] = await Promise.all([
    dialect === 'postgres'
      ? countsAndDelaysInSql(db, scope, period, { topicsIn, answered, countsOf })
      : countsAndDelaysHere(db, period, { topicsIn, answered, countsOf }, newcomers),
    selectColumns(
      db,
      dialect,
      sql<{ id: number; at: number; kind: string | null; g: number; c: number }>`
        select p.id, p.created_at as at, p.detail as kind, p.group_id as g, p.community_id as c
        from rollup_posts p where ${topicsIn} and not (${answered})`,
      ['id', 'at', 'kind', 'g', 'c'],
    ),
  ]);
  const [c, delays] = figures;
  return {
    topics: Number(c?.topics ?? 0),
    questions: Number(c?.questions ?? 0),
    questionsAnswered: Number(c?.questions_answered ?? 0),
    questionsAccepted: Number(c?.accepted ?? 0),
    delays,
    authors: {
      topics: Number(c?.authors ?? 0),
      answered: Number(c?.answered_authors ?? 0),
      questions: Number(c?.question_authors ?? 0),
    },
    unanswered: Array.from({ length: unanswered.count }, (_, i) => {
      const u = unanswered.columns;
      const group = Number(u.g[i]);
      return {
        id: Number(u.id[i]),
        at: Number(u.at[i]),
        kind: u.kind[i] ?? 'discussion',
        group: group === 0 ? null : group,
        community: Number(u.c[i]),
      };
    }).sort((a, b) => a.at - b.at || a.id - b.id),
  };
}

type Parts = Record<'topicsIn' | 'answered' | 'countsOf', RawBuilder<unknown>>;

/**
 * One scan and two sorts. `percentile_disc(f)` is the value at rank ceil(f × n): 0.5 gives the
 * lower middle, 0.5 + 1e-12 the upper one (the same when n is odd; exact below 5·10¹¹ topics),
 * 0.9 the nearest-rank 90th percentile — the definitions of `stats.ts`.
 */
async function countsAndDelaysInSql(
  db: Db,
  scope: Scope,
  { from, to, staff }: Period,
  { topicsIn, answered, countsOf }: Parts,
): Promise<[Counts | undefined, Delays]> {
  const notStaff = staff.length ? sql`p.author_id not in (${sql.join(staff)})` : sql`true`;
  const r = await sql<
    Counts & {
      answered: number;
      within24: number;
      within48: number;
      ranks: number[] | null;
      veteran_ranks: number[] | null;
      veteran_authors: number;
    }
  >`
    select ${countsOf},
      count(*) filter (where ${answered}) as answered,
      count(*) filter (where ${answered} and p.first_reply_at - p.created_at <= ${24 * HOUR}) as within24,
      count(*) filter (where ${answered} and p.first_reply_at - p.created_at <= ${48 * HOUR}) as within48,
      percentile_disc(array[0.5, 0.5 + 1e-12, 0.9]) within group (order by p.first_reply_at - p.created_at)
        filter (where ${answered}) as ranks,
      percentile_disc(array[0.5, 0.5 + 1e-12]) within group (order by p.first_reply_at - p.created_at)
        filter (where ${answered} and n.member_id is null and ${notStaff}) as veteran_ranks,
      count(distinct p.author_id)
        filter (where ${answered} and n.member_id is null and ${notStaff}) as veteran_authors
    from rollup_posts p
    left join rollup_first_posts n on n.community_id = ${scope.communityId}
      and n.group_id = ${scope.groupId} and n.member_id = p.author_id
      and n.created_at >= ${from} and n.created_at < ${to}
    where ${topicsIn}`.execute(db);
  const row = r.rows[0];
  // An aggregate over no rows is null, as is each rank.
  const [low, high, p90] = row?.ranks ?? [];
  const [veteranLow, veteranHigh] = row?.veteran_ranks ?? [];
  const middle = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? null : (Number(a) / HOUR + Number(b) / HOUR) / 2;
  return [
    row,
    {
      answered: Number(row?.answered ?? 0),
      medianHours: middle(low, high),
      p90Hours: p90 === undefined ? null : Number(p90) / HOUR,
      within24: Number(row?.within24 ?? 0),
      within48: Number(row?.within48 ?? 0),
      veteranMedianHours: middle(veteranLow, veteranHigh),
      veteranAuthors: Number(row?.veteran_authors ?? 0),
    },
  ];
}

async function countsAndDelaysHere(
  db: Db,
  { staff }: Period,
  { topicsIn, answered, countsOf }: Parts,
  newcomers: () => Promise<Set<number>>,
): Promise<[Counts | undefined, Delays]> {
  const [counts, delays] = await Promise.all([
    sql<Counts>`select ${countsOf} from rollup_posts p where ${topicsIn}`.execute(db),
    selectColumns(
      db,
      'sqlite',
      sql<{ d: number; by: number }>`
        select p.first_reply_at - p.created_at as d, p.author_id as by
        from rollup_posts p where ${topicsIn} and ${answered}`,
      ['d', 'by'],
    ),
  ]);
  const skip = new Set([...staff, ...(await newcomers())]);
  const hours: number[] = [];
  const veteranHours: number[] = [];
  const veterans = new Set<number>();
  const { d, by } = delays.columns;
  for (let i = 0; i < delays.count; i++) {
    const h = Number(d[i]) / HOUR;
    hours.push(h);
    if (!skip.has(Number(by[i]))) {
      veteranHours.push(h);
      veterans.add(Number(by[i]));
    }
  }
  return [
    counts.rows[0],
    {
      answered: hours.length,
      medianHours: median(hours),
      p90Hours: percentile(hours, 90),
      within24: hours.filter((h) => h <= 24).length,
      within48: hours.filter((h) => h <= 48).length,
      veteranMedianHours: median(veteranHours),
      veteranAuthors: veterans.size,
    },
  ];
}
